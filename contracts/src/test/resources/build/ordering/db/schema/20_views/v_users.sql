-- 20_views/v_users.sql
SELECT 1;
