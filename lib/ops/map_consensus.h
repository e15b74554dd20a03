/* SPDX-License-Identifier: GPL-2.0-or-later */

/* map_consensus.h: what the corpus says of a cited document, field by field
 * (type, date, issuer, term, title): the readings, each with the documents
 * that give it, merged when they say the same ("Ban Bí thư" and "Ban Bí thư
 * Trung ương Đảng" are one issuer). Internal to the map operation.
 *
 * Ownership: a cm_readings owns its values and paths (cm_readings_release). */
#ifndef CHIMUC_MAP_CONSENSUS_H
#define CHIMUC_MAP_CONSENSUS_H

#include "chimuc/array.h"
#include "chimuc/map.h"

typedef struct {
	char *value;
	cm_array_t(char *) paths; /* the documents saying it, in the order added */
} cm_reading;

typedef cm_array_t(cm_reading) cm_readings;

/* 1 if a and b say the same of field f: equal, or for an issuer one
 * within the other. */
int cm_readings_same(cm_map_field f, const char *a, const char *b);

/* Counts the document path as saying value (copied) of field f. */
int cm_readings_add(cm_readings *r, cm_map_field f, const char *value, const char *path);

/* Most documents first; among as many, the first added first. */
void cm_readings_sort(cm_readings *r);

void cm_readings_release(cm_readings *r);

#endif
