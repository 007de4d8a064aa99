/**
 * A publication described for the machines that collect and cite it: OAI-PMH's Dublin Core
 * ({@code oai_dc}), the OpenAIRE Guidelines for Literature Repositories v4
 * ({@code oai_openaire}), and DataCite's metadata schema. Each writer owns its format; the
 * vocabularies they share (resource types, access rights, languages) are here once.
 */
package eu.s3cop.metadata;
