/** The public catalogue site: plain, accessible HTML and an Atom feed, regenerated into the site bucket. */
package eu.s3cop.catalogue;
