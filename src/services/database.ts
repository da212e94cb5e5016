/** The database handle, for the shells (CLI, server): they never import src/db directly. */
export { openDatabase, type Database, type Engine } from '../db/create-db.js';
