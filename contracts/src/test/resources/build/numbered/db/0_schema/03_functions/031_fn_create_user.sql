CREATE FUNCTION app.fn_create_user(p_name TEXT) RETURNS INTEGER LANGUAGE sql
AS $$ INSERT INTO app.tb_user VALUES (1, p_name) RETURNING pk_user $$;
