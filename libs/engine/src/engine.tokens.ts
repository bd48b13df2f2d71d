export const ENVIRONMENT = Symbol('Environment');
export const CONNECTED_DATABASE = Symbol('ConnectedDatabase');
