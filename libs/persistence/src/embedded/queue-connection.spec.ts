import { queueConnectionOptions, redisOptionsFromUrl } from './queue-connection';

describe('queueConnectionOptions', () => {
  it('gives workers maxRetriesPerRequest null and producers enableOfflineQueue false', () => {
    expect(queueConnectionOptions('redis://127.0.0.1:6379', 'worker')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      maxRetriesPerRequest: null,
    });
    expect(queueConnectionOptions('redis://127.0.0.1:6379', 'producer')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      enableOfflineQueue: false,
    });
  });

  it('returns a fresh object per call', () => {
    expect(queueConnectionOptions('redis://h', 'worker')).not.toBe(queueConnectionOptions('redis://h', 'worker'));
  });

  it('refuses embedded mode before the embedded backend runs', () => {
    expect(() => queueConnectionOptions(undefined, 'worker')).toThrow(/useEmbeddedQueueBackend/);
  });
});

describe('redisOptionsFromUrl', () => {
  it('reads user, password, port, database and TLS', () => {
    expect(redisOptionsFromUrl('rediss://app:p%40ss@cache.example:6380/2')).toEqual({
      host: 'cache.example',
      port: 6380,
      username: 'app',
      password: 'p@ss',
      db: 2,
      tls: { servername: 'cache.example' },
    });
  });

  it('defaults the port and accepts a password without user', () => {
    expect(redisOptionsFromUrl('redis://:secret@localhost')).toEqual({ host: 'localhost', port: 6379, password: 'secret' });
  });

  it('rejects other schemes and bad databases without echoing the URL', () => {
    expect(() => redisOptionsFromUrl('http://user:secret@h')).toThrow(/redis:\/\//);
    expect(() => redisOptionsFromUrl('http://user:secret@h')).not.toThrow(/secret/);
    expect(() => redisOptionsFromUrl('redis://h/abc')).toThrow(/number/);
    expect(() => redisOptionsFromUrl('not a url :secret')).not.toThrow(/secret/);
  });
});
