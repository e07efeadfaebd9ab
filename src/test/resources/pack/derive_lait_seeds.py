"""Derives the LAIT code and statistical-neighbour seeds (sql/seeds/lait_area_codes.csv,
sql/seeds/lait_statistical_neighbours.csv) from DfE's LAIT files. Run once per DfE release:
    python3 derive_lait_seeds.py ../shared/reference/lait ../shared/reference/liia-tools-pipeline/Annex_A_schema.yml sql/seeds
Standard library only. New (ONS) codes come from liia-tools' Annex A LA list (MIT), regions are fixed ONS codes.
"""
import csv, re, sys, zipfile, xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}


def sheet_rows(path):
    z = zipfile.ZipFile(path)
    ss = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    first = wb.find('m:sheets', NS)[0]
    target = rels[first.get('{%s}id' % NS['r'])]
    target = target.lstrip('/') if target.startswith('/') else 'xl/' + target
    rows = []
    for row in ET.fromstring(z.read(target)).iter('{%s}row' % NS['m']):
        cells = {}
        for c in row.findall('m:c', NS):
            col = re.match(r'[A-Z]+', c.get('r')).group(0)
            ci = 0
            for ch in col:
                ci = ci * 26 + ord(ch) - 64
            v = c.find('m:v', NS)
            t = c.get('t')
            if t == 's' and v is not None:
                val = ss[int(v.text)]
            elif t == 'inlineStr':
                val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
            else:
                val = v.text if v is not None else ''
            cells[ci - 1] = val.strip()
        if cells:
            rows.append([cells.get(i, '') for i in range(max(cells) + 1)])
    return rows


REGIONS = {  # LAIT region number -> (ONS code, area_type)
    '970': ('E92000001', 'england'), '980': ('E12000001', 'region'), '981': ('E12000002', 'region'),
    '982': ('E12000003', 'region'), '983': ('E12000004', 'region'), '984': ('E12000005', 'region'),
    '985': ('E12000006', 'region'), '986': ('E12000007', 'region'), '987': ('E13000001', 'inner_outer_london'),
    '988': ('E13000002', 'inner_outer_london'), '989': ('E12000008', 'region'), '990': ('E12000009', 'region'),
}
REGION_NAME_TO_NUMBER = {'North East': '980', 'North West': '981', 'Yorkshire and The Humber': '982',
                         'Yorkshire and the Humber': '982', 'East Midlands': '983', 'West Midlands': '984',
                         'East of England': '985', 'Inner London': '986', 'Outer London': '986',
                         'London': '986', 'South East': '989', 'South West': '990'}
# Authorities created or merged after the Annex A list was written (ONS codes, gov.uk register).
EXTRA_NEW_CODES = {'940': 'E06000061', '941': 'E06000062', '942': 'E06000063', '943': 'E06000064',
                   '909': 'E10000006', '928': 'E10000021', '838': 'E06000059', '839': 'E06000058',
                   '933': 'E06000066'}


def annex_a_codes(path):
    codes, old = {}, None
    for line in open(path, encoding='utf-8'):
        m = re.match(r"\s*-\s+'?(\d{3})'?\s*$", line)
        if m:
            old = m.group(1)
            continue
        m = re.match(r"\s*-\s+(E0[6-9]\d{6}|E10\d{6})\s*$", line)
        if m and old:
            codes.setdefault(old, m.group(1))
            old = None
        elif re.match(r"\s*-\s+code:", line):
            old = None
    return codes


def main(lait, annex, out):
    new = annex_a_codes(annex)
    new.update(EXTRA_NEW_CODES)
    rows = sheet_rows(lait + '/la_code_list.xlsx')[1:]
    with open(out + '/lait_area_codes.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['la_number', 'area_code', 'area_name', 'area_type', 'la_type', 'region_number', 'subregion_number'])
        for num, name, region, typ in rows:
            if num == '1000':
                continue
            if num in REGIONS:
                code, kind = REGIONS[num]
                w.writerow([num, code, name, kind, '', '', ''])
            else:
                sub = '987' if region == 'Inner London' else '988' if region == 'Outer London' else ''
                w.writerow([num, new.get(num, ''), name, 'la', typ, REGION_NAME_TO_NUMBER[region], sub])
    with open(out + '/lait_statistical_neighbours.csv', 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['sn_model', 'la_number', 'sn_rank', 'sn_la_number', 'closeness'])
        for model, file in (('DfE_SN_April_2021', 'sn_april_2021.xlsx'), ('DfE_SN_May_2025', 'sn_may_2025.xlsx')):
            for r in sheet_rows(lait + '/' + file)[3:]:
                if not r or not r[0].isdigit():
                    continue
                for k in range(10):
                    sn, closeness = r[5 + 2 * k], r[6 + 2 * k]
                    if sn and sn != '-':
                        w.writerow([model, r[0], k + 1, sn, closeness.capitalize()])


if __name__ == '__main__':
    main(*sys.argv[1:4])
