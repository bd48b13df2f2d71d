import { DataSource, EntityManager } from 'typeorm';
import {
  AccessLogRepository,
  AgencyChecksRepository,
  ChildrenRepository,
  ContactsRepository,
  DeadlinesRepository,
  DeadlineTimersRepository,
  EpisodesRepository,
  HistoryRepository,
  IdempotencyRepository,
  MessageDeliveryRepository,
  OutboxRepository,
} from './repositories';

/** All repositories bound to one EntityManager: the data source's, or a transaction's. */
export class Stores {
  readonly accessLog: AccessLogRepository;
  readonly agencyChecks: AgencyChecksRepository;
  readonly children: ChildrenRepository;
  readonly contacts: ContactsRepository;
  readonly deadlines: DeadlinesRepository;
  readonly deadlineTimers: DeadlineTimersRepository;
  readonly episodes: EpisodesRepository;
  readonly history: HistoryRepository;
  readonly idempotency: IdempotencyRepository;
  readonly messageDelivery: MessageDeliveryRepository;
  readonly outbox: OutboxRepository;

  constructor(readonly manager: EntityManager) {
    this.accessLog = new AccessLogRepository(manager);
    this.agencyChecks = new AgencyChecksRepository(manager);
    this.children = new ChildrenRepository(manager);
    this.contacts = new ContactsRepository(manager);
    this.deadlines = new DeadlinesRepository(manager);
    this.deadlineTimers = new DeadlineTimersRepository(manager);
    this.episodes = new EpisodesRepository(manager);
    this.history = new HistoryRepository(manager);
    this.idempotency = new IdempotencyRepository(manager);
    this.messageDelivery = new MessageDeliveryRepository(manager);
    this.outbox = new OutboxRepository(manager);
  }
}

/** Reads outside a transaction, and one-transaction units of work. */
export class Database {
  readonly read: Stores;
  constructor(readonly dataSource: DataSource) {
    this.read = new Stores(dataSource.manager);
  }

  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Stores(manager)));
  }
}
