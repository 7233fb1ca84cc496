package dev.sourced.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDF files for tests, made with PDFBox: one page, the title in the document information and as a first line. */
public final class TestPdf {
    private TestPdf() {
    }

    public static byte[] of(String title, String... paragraphs) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                s.setLeading(16);
                s.newLineAtOffset(50, 720);
                s.showText(title);
                s.newLine();
                s.newLine();
                for (String p : paragraphs) {
                    s.showText(p);
                    s.newLine();
                    s.newLine();
                }
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
