package uk.csc.warehouse.pack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One area of the self-evaluation (a sheet of the workbook, a page of the HTML pack). The order and the
 * areas each section gathers follow the users' own self-evaluation; an indicator area the list does not
 * know yet gets a section of its own after these, so new marts appear without a code change.
 */
public record Section(String key, String title, String sheetName, List<String> areas) {

    public static final List<Section> STANDARD = List.of(
            new Section("front_door", "Front door", "Front door", List.of("front_door")),
            new Section("child_protection", "Child protection and children in need", "Child protection and CIN",
                    List.of("child_protection", "children_in_need")),
            new Section("vulnerable_adolescents", "Vulnerable adolescents and missing", "Vulnerable adolescents",
                    List.of("vulnerable_adolescents", "missing", "exploitation")),
            new Section("children_in_care", "Children in care", "Children in care", List.of("children_in_care")),
            new Section("permanence", "Permanence", "Permanence", List.of("permanence")),
            new Section("care_leavers", "Care leavers", "Care leavers", List.of("care_leavers")),
            new Section("voices", "Voices: complaints and compliments", "Voices",
                    List.of("voices", "complaints", "compliments")),
            new Section("workforce", "Workforce", "Workforce", List.of("workforce")));

    /** The standard sections, then one per area found at run time that none of them gathers. */
    public static List<Section> forAreas(Iterable<String> areasFound) {
        List<Section> sections = new ArrayList<>(STANDARD);
        Set<String> known = new LinkedHashSet<>();
        STANDARD.forEach(s -> known.addAll(s.areas()));
        for (String area : areasFound) {
            if (area != null && known.add(area)) {
                String title = Character.toUpperCase(area.charAt(0)) + area.substring(1).replace('_', ' ');
                sections.add(new Section(area, title, title.length() > 31 ? title.substring(0, 31) : title,
                        List.of(area)));
            }
        }
        return sections;
    }
}
