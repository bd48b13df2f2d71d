/** The database connection the engine module opened (embedded or real), for whoever must close or inspect it. */
export const CONNECTED_DATABASE = Symbol('ConnectedDatabase');
