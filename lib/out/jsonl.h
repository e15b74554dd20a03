/* SPDX-License-Identifier: GPL-2.0-or-later */

/* out/jsonl.h: what the writers of lib/out/ share: a JSON object as one
 * line of JSON Lines, a string or null, and padding to a column as a
 * terminal shows it. Internal to the library. */
#ifndef CHIMUC_OUT_JSONL_H
#define CHIMUC_OUT_JSONL_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>

/* Writes o as one line on f and releases it: 0, or CM_ENOMEM when o is
 * NULL (a failed json-c allocation). */
int cm_out_json_line(FILE *f, json_object *o);

/* A JSON string, or null for NULL. */
json_object *cm_out_json_string(const char *s);

/* Prints s to f, then spaces up to width terminal columns (cm_text_width). */
void cm_out_pad(FILE *f, const char *s, size_t width);

/* The column of citation keys in aligned listings (cites, top-cited). */
#define CM_OUT_KEY_COLUMNS 28

/* 0, or CM_EIO (with the message) when f has failed. */
int cm_out_status(FILE *f);

#endif
