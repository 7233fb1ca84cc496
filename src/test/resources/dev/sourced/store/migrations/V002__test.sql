-- a migration of another package, for DatabaseTest
CREATE TABLE test_notes (note TEXT, n INTEGER, flag INTEGER, data BLOB);
