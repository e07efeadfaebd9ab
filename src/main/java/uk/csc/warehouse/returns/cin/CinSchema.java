package uk.csc.warehouse.returns.cin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a written census against its year's XSD (streamed: SAX, never a document tree) and says, for each
 * problem, the line and the LAchildID of the child it sits in, so the record can be found and fixed.
 */
final class CinSchema {
    private static final int MAX_REPORTED = 20;
    private static final Pattern CHILD_ID = Pattern.compile("<LAchildID>([^<]*)</LAchildID>");

    record Problem(int line, String childId, String message) {
        @Override
        public String toString() {
            return "line " + line + (childId == null ? "" : " (child " + childId + ")") + ": " + message;
        }
    }

    private CinSchema() {}

    /** The schema problems of {@code xml} (empty when valid), at most the first {@value MAX_REPORTED}. */
    static List<Problem> check(Path xml, String xsdResource) throws IOException {
        Schema schema;
        try (InputStream xsd = CinSchema.class.getClassLoader().getResourceAsStream(xsdResource)) {
            if (xsd == null) {
                throw new IllegalStateException("schema " + xsdResource + " is not in this build");
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(new StreamSource(xsd, xsdResource));
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + xsdResource + " cannot be read: " + e.getMessage(), e);
        }
        List<int[]> lines = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a file invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (messages.size() < MAX_REPORTED) {
                    lines.add(new int[] {e.getLineNumber()});
                    messages.add(e.getMessage());
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try (InputStream in = Files.newInputStream(xml)) {
            validator.validate(new StreamSource(in));
        } catch (SAXParseException e) {
            lines.add(new int[] {e.getLineNumber()});
            messages.add("not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            messages.add(e.getMessage());
            lines.add(new int[] {-1});
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            int line = lines.get(i)[0];
            problems.add(new Problem(line, childAt(xml, line), messages.get(i)));
        }
        return problems;
    }

    /** The LAchildID of the last child opened on or before {@code line}: one streaming pass, errors are few. */
    private static String childAt(Path xml, int line) throws IOException {
        if (line < 1) {
            return null;
        }
        String child = null;
        try (BufferedReader r = Files.newBufferedReader(xml, StandardCharsets.UTF_8)) {
            String text;
            for (int n = 1; n <= line && (text = r.readLine()) != null; n++) {
                if (text.contains("<Child>")) {
                    child = null;
                }
                Matcher m = CHILD_ID.matcher(text);
                if (m.find()) {
                    child = m.group(1);
                }
            }
        }
        return child;
    }
}
