export * from './environment';
export * from './clock';
export * from './authority-settings';
export * from './start-failure';
