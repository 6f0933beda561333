import { readFileSync } from 'node:fs';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

describe('the brand’s report and executive digest', () => {
  it('staff read the last four weeks in charts and tables, download a table as CSV, and open yesterday’s digest', async () => {
    const staff = await world.as(DEMO.staff.email);
    // Linked at the foot of every page for staff.
    expect(await staff.getByRole('link', { name: 'Reports', exact: true }).getAttribute('href')).toBe(
      '/staff/reports',
    );
    await staff.goto('/staff/reports');
    await staff.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

    // The demo's history fills the tables: some questions every week, their deadlines met or missed.
    const times = staff.getByRole('table', { name: 'Answer times' });
    await times.waitFor();
    const total = times.getByRole('row').last();
    expect(await total.getByRole('cell').first().textContent()).toBe('Total');
    expect(Number(await total.getByRole('cell').nth(1).textContent())).toBeGreaterThan(5);
    await staff.getByRole('table', { name: 'Who answers' }).waitFor();
    expect(await staff.locator('.report-charts svg').count()).toBeGreaterThan(4);

    // Per week: the same figures, fewer rows.
    await staff.getByLabel('Per', { exact: true }).selectOption('WEEK');
    await staff
      .getByRole('table', { name: 'Answer times' })
      .getByRole('cell', { name: /^week of / })
      .first()
      .waitFor();

    // The CSV holds the numbers of the table on the page.
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Download “Answer times” (CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0].split(',').slice(0, 2)).toEqual(['period', 'questions']);
    const onPage = await staff
      .getByRole('table', { name: 'Answer times' })
      .getByRole('row')
      .last()
      .getByRole('cell')
      .nth(1)
      .textContent();
    expect(csv.at(-1)!.split(',').slice(0, 2)).toEqual(['total', onPage]);

    // Yesterday's executive digest, as the CEO received it this morning.
    await staff.getByRole('link', { name: 'Yesterday’s executive digest' }).click();
    await staff.getByRole('heading', { name: /^Executive digest — / }).waitFor();
    await staff.getByRole('heading', { name: 'Against the promises' }).waitFor();
    await staff.getByText('Claire Dupont <ceo@brand.example>', { exact: false }).waitFor();
  });

  it('reads in French for a French-speaking admin, who adds a recipient', async () => {
    const admin = await world.as(DEMO.admin.email);
    await admin.getByLabel('Language').selectOption('fr');
    await admin.goto('/staff/digest');
    await admin.getByRole('heading', { name: 'Face aux engagements' }).waitFor();
    await admin.getByLabel('Nom').fill('Marc Durand');
    await admin.getByLabel('Adresse e-mail').fill('cfo@brand.example');
    await admin.getByRole('button', { name: 'Ajouter' }).click();
    await admin.getByText('Marc Durand <cfo@brand.example>', { exact: false }).waitFor();
  });
});
