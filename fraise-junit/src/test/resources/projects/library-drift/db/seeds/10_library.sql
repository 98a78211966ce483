INSERT INTO tb_author (id, name, profile) VALUES
    ('a0000000-0000-4000-8000-000000000001', 'Ursula', '{"city": "Berkeley", "country": "US"}'),
    ('a0000000-0000-4000-8000-000000000002', 'Wisława', '{"country": null}');

INSERT INTO tb_book (id, fk_author, title, genre, pages)
SELECT 'b0000000-0000-4000-8000-000000000001', pk_author, 'The Dispossessed', 'NOVEL', 387
FROM tb_author WHERE name = 'Ursula';
