-- 10_tables/0211_users.sql
SELECT 1;
