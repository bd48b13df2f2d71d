/** Ofsted's Annex A lists 1–5 (DOMAIN §7, issue 4 item 3) as CSV. */
export * from './annex-a-columns';
export * from './annex-a-export';
export * from './annex-a-rows';
export * from './csv';
