CREATE FUNCTION app.fn_create_user(input jsonb) RETURNS app.mutation_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', NULL, 'User', input, NULL, NULL, NULL)::app.mutation_response;
$$;
