-- 00_common/B.sql
SELECT 1;
