-- 00_common/a.sql
SELECT 1;
