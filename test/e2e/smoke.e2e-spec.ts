import { actorsOf, createContact, getEpisode } from '../support/front-door-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('first contact', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates a contact with an episode in screening', async () => {
    const actors = await actorsOf(app);
    const contact = await createContact(app, actors.practitioner);
    const episode = await getEpisode(app, actors.practitioner, contact.episodes[0].id);
    expect(episode.status).toBe(200);
    expect(episode.body.stage).toBe('screening');
  });
});
