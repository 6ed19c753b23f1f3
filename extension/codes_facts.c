/*
 * codes_facts.c: prints what the code core knows, for extension/gen_codes_sql.py
 * (a build tool, linked with extension/core/codes.c; not part of the module).
 *
 * One line per fact, tab-separated, codes in DfE list order:
 *   order  <type>  <code>,<code>,...              every code of a list
 *   true   <sql function>  <code>,...             codes for which a predicate holds
 *   group  <sql function>  <group>  <code>,...    codes of each group, first-seen order
 * so that the generated COMMENTs name the codes the core decides, and no list
 * is written a second time by hand.
 */
#include "codes.h"

#include <stdio.h>
#include <string.h>

typedef struct
{
	const char *sql_name;
	cl_code_list list;
	bool		(*holds) (int);
} predicate;

typedef struct
{
	const char *sql_name;
	cl_code_list list;
	const char *(*group) (int);
} grouping;

static const char *
activity_group(int activ)
{
	return cl_activity_class_name(cl_activ_class(activ));
}

static bool
accom_suitable(int accom)
{
	return cl_accom_suitable(accom) == 1;
}

static bool
accom_unsuitable(int accom)
{
	return cl_accom_suitable(accom) == 0;
}

static bool
accom_not_counted(int accom)
{
	return cl_accom_suitable(accom) < 0;
}

static const predicate predicates[] = {
	{"is_short_break", CL_LIST_LEGAL_STATUS, cl_ls_is_short_break},
	{"is_kinship_foster_placement", CL_LIST_PLACEMENT_TYPE, cl_place_is_kinship_foster},
	{"is_temporary_placement", CL_LIST_PLACEMENT_TYPE, cl_place_is_temporary},
	{"starts_placement", CL_LIST_NEW_EPISODE_REASON, cl_rne_starts_placement},
	{"starts_carer_spell", CL_LIST_NEW_EPISODE_REASON, cl_rne_starts_carer_spell},
	{"is_adoption", CL_LIST_CEASED_REASON, cl_rec_is_adoption},
	{"is_special_guardianship_order", CL_LIST_CEASED_REASON, cl_rec_is_sgo},
	{"is_returned_home", CL_LIST_CEASED_REASON, cl_rec_is_returned_home},
	{"is_family_exit", CL_LIST_CEASED_REASON, cl_rec_is_family_exit},
	{"is_higher_education", CL_LIST_LEAVER_ACTIVITY, cl_activ_is_higher_education},
	{"is_apprenticeship", CL_LIST_LEAVER_ACTIVITY, cl_activ_is_apprenticeship},
	{"is_homeless_or_insecure", CL_LIST_LEAVER_ACCOMMODATION, cl_accom_is_homeless_or_insecure},
	{"is_suitable:true", CL_LIST_LEAVER_ACCOMMODATION, accom_suitable},
	{"is_suitable:false", CL_LIST_LEAVER_ACCOMMODATION, accom_unsuitable},
	{"is_suitable:null", CL_LIST_LEAVER_ACCOMMODATION, accom_not_counted},
};

static const grouping groupings[] = {
	{"legal_status_group", CL_LIST_LEGAL_STATUS, cl_ls_group},
	{"placement_group", CL_LIST_PLACEMENT_TYPE, cl_place_group},
	{"dfe_placement_group", CL_LIST_PLACEMENT_TYPE, cl_place_published_group},
	{"ceased_reason_group", CL_LIST_CEASED_REASON, cl_rec_group},
	{"activity_group", CL_LIST_LEAVER_ACTIVITY, activity_group},
};

static void
print_codes(cl_code_list list, bool (*keep) (int), const char *(*group) (int), const char *name)
{
	bool		first = true;

	for (int i = 1; i <= cl_code_count(list); i++)
	{
		if (keep && !keep(i))
			continue;
		if (group && (group(i) == NULL || strcmp(group(i), name) != 0))
			continue;
		printf("%s%s", first ? "" : ",", cl_code_text(list, i));
		first = false;
	}
	printf("\n");
}

int
main(void)
{
	for (int l = 0; l < CL_LIST_COUNT; l++)
	{
		printf("order\t%s\t", cl_list_type_name((cl_code_list) l));
		print_codes((cl_code_list) l, NULL, NULL, NULL);
	}
	for (size_t p = 0; p < sizeof predicates / sizeof predicates[0]; p++)
	{
		printf("true\t%s\t", predicates[p].sql_name);
		print_codes(predicates[p].list, predicates[p].holds, NULL, NULL);
	}
	for (size_t g = 0; g < sizeof groupings / sizeof groupings[0]; g++)
	{
		const grouping *gr = &groupings[g];

		/* each group once, in the order its first code comes */
		for (int i = 1; i <= cl_code_count(gr->list); i++)
		{
			const char *name = gr->group(i);
			bool		seen = false;

			if (name == NULL)
				continue;
			for (int j = 1; j < i && !seen; j++)
				seen = gr->group(j) != NULL && strcmp(gr->group(j), name) == 0;
			if (seen)
				continue;
			printf("group\t%s\t%s\t", gr->sql_name, name);
			print_codes(gr->list, NULL, gr->group, name);
		}
	}
	return 0;
}
