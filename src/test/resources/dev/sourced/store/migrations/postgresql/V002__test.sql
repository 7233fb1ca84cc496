-- a migration of another package, for DatabaseTest (PostgreSQL twin)
CREATE TABLE test_notes (note TEXT, n INTEGER, flag INTEGER, data BYTEA);
