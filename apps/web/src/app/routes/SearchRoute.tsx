import { SearchPage } from '../../search/components/SearchPage';

export function SearchRoute() {
  return <SearchPage />;
}
