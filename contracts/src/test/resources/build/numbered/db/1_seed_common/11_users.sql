INSERT INTO app.tb_user VALUES (7, 'seeded');
