/** The CIN census return (DOMAIN §7, issue 4 item 2): records, DfE validation rules, XML. */
export * from './amendments';
export * from './build-cin-records';
export * from './census-dates';
export * from './cin-census-export';
export * from './cin-census-xml';
export * from './cin-codes';
export * from './cin-record';
export * from './collection-year';
export * from './episode-source';
export * from './episode-timeline';
export * from './reporting-errors';
export * from './validation-rules';
export * from './xml-writer';
