-- Builders for mutation_response, named after the helpers FraiseQL v1 ships with the type
-- (migrations/trinity/005_add_mutation_response.sql). The argument lists are this project's
-- own: each builder produces exactly the status, message and metadata shape that the
-- fn_* mutations return, so a mutation reads as one RETURN per outcome.
--
-- Outcome                     status               metadata
-- mutation_created            'new'                NULL
-- mutation_validation_error   'failed:validation'  {field, type: 'validation'}
-- mutation_not_found          'failed:not_found'   {resource_type, resource_id, field}
-- mutation_conflict           'failed:conflict'    {field, type: 'conflict'}
-- mutation_error              'failed:<type>'      as given
-- Failures carry no entity (entity_id, entity_type, entity NULL).

-- Generic failure: status 'failed:<p_type>' with the given message and metadata.
CREATE OR REPLACE FUNCTION mutation_error(p_type text, p_message text, p_metadata jsonb)
RETURNS mutation_response
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ROW('failed:' || p_type, p_message, NULL, NULL, NULL, NULL, NULL, p_metadata)::mutation_response;
$$;

-- A missing, blank or malformed input key.
CREATE OR REPLACE FUNCTION mutation_validation_error(p_field text, p_message text)
RETURNS mutation_response
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT mutation_error('validation', p_message,
                          jsonb_build_object('field', p_field, 'type', 'validation'));
$$;

-- A value already taken by another row (checked before the insert).
CREATE OR REPLACE FUNCTION mutation_conflict(p_field text, p_message text)
RETURNS mutation_response
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT mutation_error('conflict', p_message,
                          jsonb_build_object('field', p_field, 'type', 'conflict'));
$$;

-- A referenced row that does not exist: '<Type> with ID <id> not found'.
CREATE OR REPLACE FUNCTION mutation_not_found(p_resource_type text, p_resource_id text, p_field text)
RETURNS mutation_response
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT mutation_error('not_found', p_resource_type || ' with ID ' || p_resource_id || ' not found',
                          jsonb_build_object('resource_type', p_resource_type,
                                             'resource_id', p_resource_id,
                                             'field', p_field));
$$;

-- A created entity: entity = its read-side data (v_<entity>.data).
CREATE OR REPLACE FUNCTION mutation_created(p_message text, p_entity_type text, p_entity_id text, p_entity jsonb)
RETURNS mutation_response
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ROW('new', p_message, p_entity_id, p_entity_type, p_entity, NULL, NULL, NULL)::mutation_response;
$$;
