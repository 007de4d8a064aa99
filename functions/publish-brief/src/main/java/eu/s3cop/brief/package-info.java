/** Publishing: a Markdown draft uploaded under drafts/ becomes an indexed PDF brief, or a rejection report. */
package eu.s3cop.brief;
