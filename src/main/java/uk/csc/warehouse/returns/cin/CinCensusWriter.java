package uk.csc.warehouse.returns.cin;

import java.io.OutputStream;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.duckdb.DuckDBStruct;

/**
 * Streams the CIN census XML from {@code marts.cin_census_return} (one row per child, modules nested in DfE's
 * element order) with StAX: one child in memory at a time, whatever the authority's size. It writes what the
 * marts say, in the order the XSD fixes; who is in the census and what each value is are the models' rules.
 */
public final class CinCensusWriter {
    /** What the header says about the file. */
    public record Header(String lea, LocalDate referenceDate, int collectionYear, String release,
                         LocalDateTime createdAt) {}

    private final CinYear year;
    private XMLStreamWriter w;
    private int depth;

    public CinCensusWriter(CinYear year) {
        this.year = year;
    }

    /** Writes the whole message; returns the number of children written. */
    public long write(Statement st, Header header, OutputStream out) throws SQLException, XMLStreamException {
        w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        open("Message");
        open("Header");
        open("CollectionDetails");
        leaf("Collection", "CIN");
        leaf("Year", Integer.toString(header.collectionYear()));
        leaf("ReferenceDate", header.referenceDate());
        close();
        open("Source");
        leaf("SourceLevel", "L");
        leaf("LEA", header.lea());
        leaf("SoftwareCode", "csc-warehouse");
        leaf("Release", header.release());
        leaf("SerialNo", "001");
        // xs:dateTime needs the seconds, which LocalDateTime.toString() drops when they are zero
        leaf("DateTime", header.createdAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        close();
        close();
        open("Children");
        long children = 0;
        try (ResultSet rs = st.executeQuery("SELECT * FROM marts.cin_census_return ORDER BY child_id")) {
            while (rs.next()) {
                child(rs);
                children++;
            }
        }
        close();
        close();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.flush();
        w.close();
        return children;
    }

    private void child(ResultSet rs) throws SQLException, XMLStreamException {
        open("Child");
        open("ChildIdentifiers");
        leaf("LAchildID", rs.getString("child_id"));
        leaf("UPN", rs.getString("upn"));
        leaf("FormerUPN", rs.getString("former_upn"));
        leaf("UPNunknown", rs.getString("upn_unknown"));
        leaf("PersonBirthDate", rs.getObject("person_birth_date", LocalDate.class));
        leaf("ExpectedPersonBirthDate", rs.getObject("expected_birth_date", LocalDate.class));
        leaf(year.sexElement(), year.sex(rs.getString("sex_code")));
        leaf("PersonDeathDate", rs.getObject("death_date", LocalDate.class));
        close();
        open("ChildCharacteristics");
        leaf("Ethnicity", rs.getString("ethnicity_code"));
        List<Object> disabilities = list(rs.getObject("disabilities"));
        if (!disabilities.isEmpty()) {
            open("Disabilities");
            for (Object d : disabilities) {
                leaf("Disability", d);
            }
            close();
        }
        close();
        for (Object e : list(rs.getObject("episodes"))) {
            episode(map(e));
        }
        close();
    }

    private void episode(Map<String, Object> e) throws SQLException, XMLStreamException {
        open("CINdetails");
        leaf("CINreferralDate", e.get("referral_date"));
        leaf("ReferralSource", e.get("referral_source_code"));
        leaf("PrimaryNeedCode", e.get("primary_need_code"));
        leaf("CINclosureDate", e.get("closure_date"));
        leaf("ReasonForClosure", e.get("closure_reason_code"));
        leaf("DateOfInitialCPC", e.get("date_of_initial_cpc"));
        for (Object o : list(e.get("assessments"))) {
            Map<String, Object> a = map(o);
            open("Assessments");
            leaf("AssessmentActualStartDate", a.get("start_date"));
            leaf("AssessmentAuthorisationDate", a.get("authorised_date"));
            List<Object> factors = list(a.get("factor_codes"));
            if (!factors.isEmpty()) {
                open("FactorsIdentifiedAtAssessment");
                for (Object f : factors) {
                    leaf("AssessmentFactors", f);
                }
                close();
            }
            close();
        }
        for (Object o : list(e.get("cin_plans"))) {
            Map<String, Object> p = map(o);
            open("CINPlanDates");
            leaf("CINPlanStartDate", p.get("start_date"));
            leaf("CINPlanEndDate", p.get("end_date"));
            close();
        }
        for (Object o : list(e.get("section47"))) {
            Map<String, Object> s = map(o);
            open("Section47");
            leaf("S47ActualStartDate", s.get("start_date"));
            leaf("InitialCPCtarget", s.get("icpc_target_date"));
            leaf("DateOfInitialCPC", s.get("icpc_date"));
            leaf("ICPCnotRequired", s.get("icpc_not_required"));
            close();
        }
        leaf("ReferralNFA", e.get("referral_nfa"));
        for (Object o : list(e.get("cp_plans"))) {
            Map<String, Object> p = map(o);
            open("ChildProtectionPlans");
            leaf("CPPstartDate", p.get("start_date"));
            leaf("CPPendDate", p.get("end_date"));
            leaf("InitialCategoryOfAbuse", p.get("initial_category_code"));
            leaf("LatestCategoryOfAbuse", p.get("latest_category_code"));
            leaf("NumberOfPreviousCPP", p.get("previous_plans"));
            List<Object> reviews = list(p.get("review_dates"));
            if (!reviews.isEmpty()) {
                open("Reviews");
                for (Object r : reviews) {
                    leaf("CPPreviewDate", r);
                }
                close();
            }
            close();
        }
        close();
    }

    private void open(String name) throws XMLStreamException {
        indent();
        w.writeStartElement(name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        w.writeEndElement();
    }

    /** An element with text; nothing at all when the value is missing (the XSD's optional elements). */
    private void leaf(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        String text = value instanceof java.sql.Date d ? d.toLocalDate().toString() : value.toString().trim();
        if (text.isEmpty()) {
            return;
        }
        indent();
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static List<Object> list(Object value) throws SQLException {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Array a) {
            return new ArrayList<>(List.of((Object[]) a.getArray()));
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalStateException("expected a list from marts.cin_census_return, got " + value.getClass());
    }

    private static Map<String, Object> map(Object value) throws SQLException {
        if (value instanceof DuckDBStruct s) {
            return s.getMap();
        }
        if (value instanceof Struct) {
            throw new IllegalStateException("unexpected struct type " + value.getClass());
        }
        throw new IllegalStateException("expected a struct from marts.cin_census_return, got " + value);
    }
}
