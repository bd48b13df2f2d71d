import { Module } from '@nestjs/common';
import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { AccessLogReport } from './access-log';
import { AnnexAExport } from './annex-a';
import { CinCensusExport } from './cin-census';
import { ExceptionReport } from './exceptions';
import { IndicatorsReport } from './indicators';
import { WorkloadReport } from './workload';

/** The reports and returns managers and auditors read; read-only over the engine's data. */
@Module({
  providers: [
    { provide: IndicatorsReport, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new IndicatorsReport(db, clock) },
    { provide: ExceptionReport, inject: [Database], useFactory: (db: Database) => new ExceptionReport(db) },
    { provide: WorkloadReport, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new WorkloadReport(db, clock) },
    { provide: CinCensusExport, inject: [Database], useFactory: (db: Database) => new CinCensusExport(db) },
    { provide: AnnexAExport, inject: [Database], useFactory: (db: Database) => new AnnexAExport(db) },
    { provide: AccessLogReport, inject: [Database], useFactory: (db: Database) => new AccessLogReport(db) },
  ],
  exports: [IndicatorsReport, ExceptionReport, WorkloadReport, CinCensusExport, AnnexAExport, AccessLogReport],
})
export class ReportingModule {}
