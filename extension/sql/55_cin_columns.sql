-- ===========================================================================
-- 55_cin_columns: the Children in Need (CIN) census modules a dataset stores,
-- as careleaver.dataset_columns() lists them (it appends these rows), so that
-- the one loader (careleaver-load, stage_table, load_staged) reads CIN returns
-- with the same guarantees as SSDA903.  The modules are the tables of DfE's
-- XML, one row per element; the CSV layout is the same tables with these
-- column headers.  The code kinds (cin_referral_source, ...) are the CIN
-- code lists of the core (extension/core/cin_codes.c).  doc/cin.md.
-- ===========================================================================

CREATE FUNCTION careleaver.cin_return_columns()
RETURNS TABLE (module text, ord integer, dfe text, kind text, descr text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, careleaver, pg_temp
AS $$
  SELECT v.module, v.ord, v.dfe, v.kind, v.descr
  FROM (VALUES
    ('cin_child', 1, 'LAchildID', 'id', 'Child identifier, local to the council (the SSDA903 CHILD of a looked-after child)'),
    ('cin_child', 2, 'UPN', 'upper', 'Unique pupil number'),
    ('cin_child', 3, 'FormerUPN', 'upper', 'Former unique pupil number'),
    ('cin_child', 4, 'UPNunknown', 'cin_upn_unknown', 'Reason the UPN is not known (UN1-UN7)'),
    ('cin_child', 5, 'PersonBirthDate', 'date', 'Date of birth'),
    ('cin_child', 6, 'ExpectedPersonBirthDate', 'date', 'Expected date of birth of an unborn child'),
    ('cin_child', 7, 'Sex', 'cin_sex', 'Sex (M, F, U from 2024-25; earlier returns: GenderCurrent 0, 1, 2, 9)'),
    ('cin_child', 8, 'PersonDeathDate', 'date', 'Date of death'),
    ('cin_child', 9, 'Ethnicity', 'cin_ethnicity', 'Ethnicity code'),
    ('cin_disabilities', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_disabilities', 2, 'Disability', 'cin_disability', 'Disability code (NONE: no disability)'),
    ('cin_details', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_details', 2, 'CINdetailsID', 'text', 'Identifier of the CIN episode within the return (XML: numbered by the loader)'),
    ('cin_details', 3, 'CINreferralDate', 'date', 'Date of the referral that began the CIN episode'),
    ('cin_details', 4, 'ReferralSource', 'cin_referral_source', 'Source of the referral'),
    ('cin_details', 5, 'PrimaryNeedCode', 'cin_primary_need', 'Primary need at assessment (N0-N9)'),
    ('cin_details', 6, 'CINclosureDate', 'date', 'Date the CIN episode closed (NULL: open)'),
    ('cin_details', 7, 'ReasonForClosure', 'cin_closure_reason', 'Reason the CIN episode closed (RC1-RC9)'),
    ('cin_details', 8, 'DateOfInitialCPC', 'date', 'Date of the initial child protection conference of the episode'),
    ('cin_details', 9, 'ReferralNFA', 'cin_boolean', 'Referral with no further action'),
    ('cin_assessments', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_assessments', 2, 'CINdetailsID', 'text', 'CIN episode of the assessment'),
    ('cin_assessments', 3, 'AssessmentID', 'text', 'Identifier of the assessment within the return (XML: numbered by the loader)'),
    ('cin_assessments', 4, 'AssessmentActualStartDate', 'date', 'Date the assessment started'),
    ('cin_assessments', 5, 'AssessmentInternalReviewDate', 'date', 'Date of the internal review of the assessment'),
    ('cin_assessments', 6, 'AssessmentAuthorisationDate', 'date', 'Date the assessment was completed (authorised)'),
    ('cin_factors', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_factors', 2, 'CINdetailsID', 'text', 'CIN episode of the assessment'),
    ('cin_factors', 3, 'AssessmentID', 'text', 'Assessment the factor was identified at'),
    ('cin_factors', 4, 'AssessmentFactors', 'cin_factor', 'Factor identified at the end of the assessment'),
    ('cin_plans', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_plans', 2, 'CINdetailsID', 'text', 'CIN episode of the plan'),
    ('cin_plans', 3, 'CINPlanStartDate', 'date', 'Date the child in need plan started'),
    ('cin_plans', 4, 'CINPlanEndDate', 'date', 'Date the child in need plan ended (NULL: open)'),
    ('cin_section47', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_section47', 2, 'CINdetailsID', 'text', 'CIN episode of the enquiry'),
    ('cin_section47', 3, 'S47ActualStartDate', 'date', 'Date the section 47 enquiry started'),
    ('cin_section47', 4, 'InitialCPCtarget', 'date', 'Target date of the initial child protection conference'),
    ('cin_section47', 5, 'DateOfInitialCPC', 'date', 'Date of the initial child protection conference'),
    ('cin_section47', 6, 'ICPCnotRequired', 'cin_boolean', 'No initial child protection conference was needed'),
    ('cin_cp_plans', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_cp_plans', 2, 'CINdetailsID', 'text', 'CIN episode of the plan'),
    ('cin_cp_plans', 3, 'CPPID', 'text', 'Identifier of the plan within the return (XML: numbered by the loader)'),
    ('cin_cp_plans', 4, 'CPPstartDate', 'date', 'Date the child protection plan started'),
    ('cin_cp_plans', 5, 'CPPendDate', 'date', 'Date the child protection plan ended (NULL: open)'),
    ('cin_cp_plans', 6, 'InitialCategoryOfAbuse', 'cin_abuse_category', 'Initial category of abuse (NEG, PHY, SAB, EMO, MUL)'),
    ('cin_cp_plans', 7, 'LatestCategoryOfAbuse', 'cin_abuse_category', 'Latest category of abuse'),
    ('cin_cp_plans', 8, 'NumberOfPreviousCPP', 'integer', 'Number of previous child protection plans the child had'),
    ('cin_cpp_reviews', 1, 'LAchildID', 'id', 'Child identifier'),
    ('cin_cpp_reviews', 2, 'CINdetailsID', 'text', 'CIN episode of the plan'),
    ('cin_cpp_reviews', 3, 'CPPID', 'text', 'Plan reviewed'),
    ('cin_cpp_reviews', 4, 'CPPreviewDate', 'date', 'Date of the child protection review')
  ) AS v(module, ord, dfe, kind, descr)
$$;
COMMENT ON FUNCTION careleaver.cin_return_columns() IS
  'The Children in Need census modules a dataset stores (cin_child, cin_disabilities, cin_details, cin_assessments, cin_factors, cin_plans, cin_section47, cin_cp_plans, cin_cpp_reviews) with their columns (DfE name, kind of cell, meaning), in file order; careleaver.dataset_columns() includes them (doc/cin.md)';
