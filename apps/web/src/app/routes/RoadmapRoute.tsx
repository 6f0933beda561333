import { Roadmap } from '../../ideas/components/Roadmap';

export function RoadmapRoute() {
  return <Roadmap />;
}
