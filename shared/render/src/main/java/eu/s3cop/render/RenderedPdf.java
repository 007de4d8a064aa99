package eu.s3cop.render;

/** A rendered brief: the PDF's bytes and how many pages it has. */
public record RenderedPdf(byte[] bytes, int pages) {
}
