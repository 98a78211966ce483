-- 10_tables/0212_posts.sql
SELECT 1;
