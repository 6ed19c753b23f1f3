-- Trajectories (metrics.md 5): text input and output of leaver_trajectory and
-- transition_matrix, the aggregates on a small example, and the error messages.
SET search_path = careleaver, public;

-- Text form: ages ascending, DfE spellings, "-" for a code not recorded.
SELECT '{ 18 : yes / g5 / s2 ,17:YES/F2/D1 }'::leaver_trajectory AS normalised;
SELECT '{17:conflict, 21:NREQ/0/0, 22:-/-/Z1, 25:RHOM/0/0}'::leaver_trajectory AS with_conflict_and_gaps;
SELECT '{}'::leaver_trajectory AS empty;
SELECT t::text::leaver_trajectory::text = t::text AS round_trip
  FROM (VALUES ('{17:YES/F2/D1, 19:NO/0/0, 20:DIED/0/0}'::leaver_trajectory)) v(t);
-- The binary form: version byte 1, then flags and three code indexes per age.
SELECT leaver_trajectory_send('{17:YES/F2/D1, 25:conflict}') AS binary_form;

-- Bad input: SQLSTATE 22P02 with the reason in the detail.
\set VERBOSITY default
SELECT ''::leaver_trajectory;
SELECT '{16:YES/F2/D1}'::leaver_trajectory;
SELECT '{17:YES/F2/D1, 17:YES/F2/D1}'::leaver_trajectory;
SELECT '{17:XX/F2/D1}'::leaver_trajectory;
SELECT '{17:YES/G7/D1}'::leaver_trajectory;
SELECT '{17:YES/F2/A1}'::leaver_trajectory;
SELECT '{17:-/-/-}'::leaver_trajectory;
SELECT '{17:YES/F2}'::leaver_trajectory;
SELECT '{17:YES/F2/D1'::leaver_trajectory;
SELECT '{17:YES/F2/D1} and more'::leaver_trajectory;
\set VERBOSITY sqlstate
SELECT '{17:YES/F2/D1,}'::leaver_trajectory;
\set VERBOSITY default

-- The aggregate: one young person's OC3 rows in any order.  Age 19 is given
-- twice identically (counts once); age 20 twice differently (a conflict);
-- the row at 21 has no code at all (adds nothing); 22 has ACCOM not recorded.
SELECT leaver_trajectory_agg(age, in_touch::contact_status, activ::leaver_activity, accom::leaver_accommodation)
  FROM (VALUES (19, 'YES', 'G5', 'S2'), (17, 'YES', 'F2', 'D1'), (19, 'YES', 'G5', 'S2'),
               (20, 'YES', 'F5', 'U1'), (20, 'NO', '0', '0'), (21, NULL, NULL, NULL),
               (22, 'YES', 'G6', NULL), (NULL, 'YES', 'F1', 'U1')) r(age, in_touch, activ, accom);
-- No rows, or only rows without codes: NULL.
SELECT leaver_trajectory_agg(age, NULL, NULL, NULL) IS NULL AS no_information
  FROM (VALUES (17), (18)) r(age);
-- An age outside 17 to 25 is an error.
SELECT leaver_trajectory_agg(age, 'YES', 'F2', 'D1') FROM (VALUES (17), (16)) r(age);

-- States and transitions of one trajectory.
SELECT age, trajectory_state('{17:YES/F2/D1, 19:YES/G5/S2, 20:NO/0/0, 21:DIED/0/0, 22:conflict}', age)
  FROM generate_series(17, 25) age;
SELECT * FROM transitions('{17:YES/F2/D1, 19:YES/G5/S2, 20:NO/0/0}');
SELECT trajectory_state('{17:YES/F2/D1}', 26);
-- The observations as rows: codes not recorded (and a conflict's) are NULL.
SELECT * FROM trajectory_observations('{17:YES/F2/D1, 19:conflict, 20:-/G5/-, 21:DIED/0/0}');
-- Equality: the same observations at every age; the same count in every cell.
SELECT '{17:YES/F2/D1}'::leaver_trajectory = ' {17:yes/f2/d1}' AS same_trajectory,
       '{17:YES/F2/D1}'::leaver_trajectory = '{17:YES/F2/D2}' AS other_suitability,
       '{19:EET->EET=1}'::transition_matrix = '{19:EET->EET=1, 17:EET->EET=0}' AS same_matrix,
       '{19:EET->EET=1}'::transition_matrix = '{19:EET->EET=2}' AS other_count;

-- Transition matrix: text form, cells in any order, state names in any case.
SELECT '{ 19 : no record -> neet = 2 , 19:EET->NEET=12, 17:NEET->EET=0}'::transition_matrix AS matrix;
SELECT '{}'::transition_matrix AS empty_matrix;
SELECT '{19:EET->NEET=1, 19:eet->neet=2}'::transition_matrix;
SELECT '{25:EET->EET=1}'::transition_matrix;
SELECT '{19:EET->NET=1}'::transition_matrix;
SELECT '{19:EET->NEET=-1}'::transition_matrix;
SELECT '{19:EET->NEET=9223372036854775808}'::transition_matrix;
SELECT '{19:EET=1}'::transition_matrix;
SELECT transition_matrix_send('{19:EET->NEET=12}') AS binary_form;

-- Three young people EET at 19; at 20 one is NEET, one EET, one has no record.
SELECT transition_matrix_agg(t)
  FROM (VALUES ('{19:YES/F2/D1, 20:YES/G5/D1}'::leaver_trajectory),
               ('{19:YES/F2/D1, 20:YES/P5/D1, 21:NO/G4/0}'),
               ('{19:YES/F1/U1, 21:YES/G6/U1}'),
               (NULL)) v(t);
SELECT * FROM transition_table('{19:EET->EET=1, 19:EET->NEET=1, 19:EET->no record=1, 20:EET->NEET=1, 20:no record->NEET=1}');
SELECT transition_matrix_agg(t) AS no_rows FROM (SELECT NULL::leaver_trajectory WHERE false) v(t);
RESET search_path;
