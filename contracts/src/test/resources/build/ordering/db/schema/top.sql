-- top.sql
SELECT 1;
