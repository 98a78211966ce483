-- 10_tables/sub/x.sql
SELECT 1;
