import { axeViolations } from './support/accessibility';
import { DEMO } from './support/demo';
import { useParvisInChromium } from './support/session';

const world = useParvisInChromium();

describe('the names of the spaces', () => {
  it('an admin renames the help space in Spanish; a Spanish reader finds the new name in the header and on the home page', async () => {
    const admin = await world.as(DEMO.admin.email);
    await admin.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Space names' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Names and descriptions of the spaces' }).waitFor();
    const spanish = admin.getByRole('form', { name: /in Español$/ }).first();
    const name = spanish.getByLabel('Name');
    // What is written in Spanish today is there to correct.
    expect(await name.inputValue()).toBe('Ayuda y soporte');
    expect(await axeViolations(admin)).toEqual([]);

    await name.fill('');
    await spanish.getByRole('button', { name: 'Save (Español)' }).click();
    await spanish.getByText('This field is required.').waitFor();
    await name.fill('Ayuda entre clientes');
    await spanish.getByRole('button', { name: 'Save (Español)' }).click();
    await spanish.getByRole('status').getByText('Saved.').waitFor();

    const reader = await world.visitor('es-ES');
    await reader.goto('/');
    await reader.locator('.site-header').getByRole('link', { name: 'Ayuda entre clientes' }).waitFor();
    await reader.locator('main').getByRole('link', { name: 'Ayuda entre clientes' }).first().waitFor();
    expect(await reader.getByText('Ayuda y soporte').count()).toBe(0);
    await reader.context().close();
    await admin.context().close();
  });
});
