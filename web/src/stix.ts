// What the UI needs to know of STIX objects: their TLP from the marking
// references (TLP 2.0, TLP 1.0 and OpenCTI's AMBER+STRICT, as the node reads
// them) and a name to show.

export interface StixObject {
  id: string;
  type: string;
  name?: string;
  value?: string;
  pattern?: string;
  created_by_ref?: string;
  modified?: string;
  created?: string;
  object_marking_refs?: string[];
  [property: string]: unknown;
}

export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

const tlpMarkings: Record<string, Tlp> = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber+strict',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
  'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37': 'amber+strict',
};
const strictness: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

// The strictest TLP among the object's markings; null when none.
export function tlpOf(object: StixObject): Tlp | null {
  let found: Tlp | null = null;
  for (const ref of object.object_marking_refs ?? []) {
    const tlp = tlpMarkings[ref];
    if (tlp && (found === null || strictness.indexOf(tlp) > strictness.indexOf(found))) found = tlp;
  }
  return found;
}

export const tlpLevels: Tlp[] = strictness;

export function displayName(object: StixObject): string {
  for (const candidate of [object.name, object.value, object.pattern]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return object.id;
}
