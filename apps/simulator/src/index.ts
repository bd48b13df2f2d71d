// The simulator's public face, for the reporting benchmark that fills a database with history.
export { formatSummary, runSimulation } from './run-simulation';
