-- 10_tables-old/x.sql
SELECT 1;
