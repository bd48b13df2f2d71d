import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Samples this process's CPU with V8's profiler between start() and stop(file). */
export class CpuProfile {
  private session: Session | null = null;

  private post(method: string, params?: object): Promise<any> {
    return new Promise((resolve, reject) =>
      this.session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  }

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  async stop(file: string): Promise<void> {
    if (!this.session) return;
    const { profile } = await this.post('Profiler.stop');
    this.session.disconnect();
    this.session = null;
    writeFileSync(file, JSON.stringify(profile));
  }
}
