// The community's organisations, read once per sign-in: the UI names
// authors and alert parties by them and places them on the map.
import { get } from './api';

export interface Organisation {
  id: string;
  code: string;
  name: string;
  standing: 'member' | 'partner';
  country: string | null;
  parent: string | null;
  default_tlp: string;
}

let organisations = new Map<string, Organisation>();

export async function loadOrganisations(): Promise<void> {
  const body = await get<{ organisations: Organisation[] }>('/api/v1/organisations');
  organisations = new Map(body.organisations.map((organisation) => [organisation.id, organisation]));
}

export function organisationOf(id: string | null | undefined): Organisation | undefined {
  return id ? organisations.get(id) : undefined;
}

// "KZ" for a known organisation, the id itself otherwise.
export function organisationLabel(id: string | null | undefined): string {
  if (!id) return '—';
  return organisations.get(id)?.code ?? id;
}

export function allOrganisations(): Organisation[] {
  return [...organisations.values()];
}
