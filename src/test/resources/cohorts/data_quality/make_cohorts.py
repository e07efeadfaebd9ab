# Writes the three data-quality cohorts' CSV files (data_quality, data_quality_clean, data_quality_duplicates):
# one planted error per rule, the same cohort corrected, and true/false duplicate pairs. The README beside each
# cohort says what is planted; run this after changing it: python3 make_cohorts.py
import csv, os, shutil
BASE=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUF='_20250331'
def write(folder, name, header, rows):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + SUF + '.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n'); w.writerow(header); w.writerows(rows)

def population(root):
    os.makedirs(root + '/reference', exist_ok=True)
    with open(root + '/reference/population_0_17.csv', 'w') as f:
        f.write('area_code,financial_year,population_0_17\nE09000028,2022-23,20000\nE09000028,2023-24,20000\nE09000028,2024-25,20000\n')

FORENAMES = ['Amara','Ben','Chloe','Daniel','Ella','Femi','Grace','Hamza','Isla','Jayden','Kemi','Leo','Maya','Noah',
             'Olivia','Priya','Reuben','Sofia','Tyler','Zara','Adam','Callum','Hana','Isaac','Kai']
SURNAMES = ['Adeyemi','Brown','Campbell','Evans','Fofana','Green','Okafor','Hussain','Ibrahim','Jones','Khan','Lewis',
            'Mensah','Nowak','Patel','Quinn','Rahman','Smith','Taylor','Usman','Walker','Yilmaz','Zielinski','Mills','Reid']

def upn_for(twelve):
    letters = 'ABCDEFGHJKLMNPQRTUVWXYZ'
    total = sum((i + 2) * int(ch) for i, ch in enumerate(twelve))
    return letters[total % 23] + twelve

def cohort(clean):
    root = BASE + ('/data_quality_clean' if clean else '/data_quality')
    for sub in ('case', 'hr', 'reference'):
        shutil.rmtree(os.path.join(root, sub), ignore_errors=True)
    case = root + '/case'
    population(root)
    kids = ['D%02d' % i for i in range(1, 26)]
    person = []
    for i, k in enumerate(kids):
        sex = 'F' if i % 2 else 'M'
        eth = 'WBRI'
        dob = '2014-01-%02d' % (i + 1)
        fn, sn = FORENAMES[i], SURNAMES[i]
        if not clean:
            if k == 'D01': sex = ''
            if k == 'D02': sex = 'X'
            if k == 'D03': eth = ''
            if k == 'D04': eth = 'XXXX'
            if k == 'D05': dob = ''
            if k == 'D06': dob = '1990-01-01'
        if k == 'D07': fn, sn, dob = 'Grace', 'Okafor', '2016-02-02'
        if k == 'D08' and not clean: fn, sn, dob = 'Grace', 'Okafor', '2016-02-02'
        if k == 'D21': dob = '2005-06-15'
        person.append([k, fn, sn, sex, eth, dob])
    write(case, 'ssd_person', ['pers_person_id','pers_forename','pers_surname','pers_sex','pers_ethnicity','pers_dob'], person)
    write(case, 'ssd_department', ['dept_team_id','dept_team_name'],
          [['T1','Assessment Team'],['T2','Children in Care Team'],['T3','Leaving Care Team']])
    write(case, 'ssd_professionals', ['prof_professional_id','prof_professional_job_title'],
          [[w,'Social Worker'] for w in ['W1','W2','W3','W4','W5','W9']])
    alloc = {k: ('T1','W1') for k in kids}
    for k in ['D16','D17','D19','D20']: alloc[k] = ('T2','W3')
    for k in ['D18','D22']: alloc[k] = ('T1','W2')
    alloc['D21'] = ('T3','W4')
    alloc['D23'] = ('T1','W5' if clean else 'W9')
    write(case, 'ssd_involvements', ['invo_involvements_id','invo_professional_id','invo_professional_role_id',
          'invo_professional_team','invo_involvement_start_date','invo_involvement_end_date','invo_person_id'],
          [['I' + k[1:], alloc[k][1], 'Allocated Case Worker', alloc[k][0], '2024-06-01', '', k] for k in kids])
    write(case, 'ssd_cin_episodes', ['cine_referral_id','cine_person_id','cine_referral_date','cine_referral_nfa',
          'cine_referral_source_code','cine_cin_primary_need_code','cine_close_reason','cine_close_date','cine_referral_team',
          'cine_referral_worker_id'],
          [['R' + k[1:], k, '2024-06-01', 'N', '1A', 'N1', '', '', alloc[k][0], alloc[k][1]] for k in kids if k != 'D21']
          # the extract's earliest closed referral: its history is complete from 15/11/2023 (12 months on)
          + [['R02old', 'D02', '2022-10-01', 'N', '1A', 'N1', 'RC1', '2022-11-15', 'T1', 'W1']])
    write(case, 'ssd_cin_assessments', ['cina_assessment_id','cina_person_id','cina_referral_id','cina_assessment_start_date',
          'cina_assessment_child_seen','cina_assessment_auth_date','cina_assessment_outcome_nfa','cina_assessment_team',
          'cina_assessment_worker_id'],
          [['AS15','D15','R15','2025-01-06','Y','2025-02-20' if clean else '','N','T1','W2'],
           ['AS01','D01','R01','2025-03-10','Y','','N','T1','W1'],      # 15 working days: not yet late
           ['AS02','D02','R02','2024-07-01','Y','2024-08-01','N','T1','W1']])
    write(case, 'ssd_cla_episodes', ['clae_cla_episode_id','clae_person_id','clae_cla_id','clae_cla_episode_start_date',
          'clae_cla_episode_start_reason','clae_cla_primary_need_code','clae_cla_episode_ceased_date',
          'clae_cla_episode_ceased_reason','clae_referral_id'],
          [['E16a','D16','C16','2024-05-01','S','N1','2024-09-01','X1','R16'],
           ['E16b','D16','C16','2024-09-01' if clean else '2024-08-01','P','N1','','','R16'],
           ['E17','D17','C17','2024-05-01','S','N1','','','R17'],
           ['E19','D19','C19','2024-06-01','S','N1','','','R19'],
           ['E20','D20','C20','2024-06-01','S','N1','','','R20']])
    write(case, 'ssd_cla_placement', ['clap_cla_placement_id','clap_cla_id','clap_person_id','clap_cla_placement_start_date',
          'clap_cla_placement_end_date','clap_cla_placement_type','clap_cla_placement_provider','clap_cla_placement_postcode',
          'clap_cla_placement_urn'],
          [['PL16','C16','D16','2024-05-01' if clean else '2024-04-20','','U3','PR1','SE153AB',''],
           ['PL17a','C17','D17','2024-05-01','2024-09-01','U3','PR1','SE153AB',''],
           ['PL17b','C17','D17','2024-09-01' if clean else '2024-08-15','','U3','PR1','SE51AB',''],
           ['PL19','C19','D19','2024-06-01','','U3','PR1','SE221AA' if clean else '',''],
           ['PL20','C20','D20','2024-06-01','','K2','PR4','ME44AB','SC400001' if clean else '']])
    write(case, 'ssd_cp_plans', ['cppl_cp_plan_id','cppl_person_id','cppl_referral_id','cppl_cp_plan_start_date',
          'cppl_cp_plan_end_date','cppl_cp_plan_initial_category','cppl_cp_plan_latest_category','cppl_cp_plan_ola'],
          [['CP18a','D18','R18','2024-04-01','2024-10-01','NEG','NEG','N'],
           ['CP18b','D18','R18','2024-10-01' if clean else '2024-09-01','','NEG','NEG','N'],
           ['CP22','D22','R22','2024-11-01','','PHY' if clean else '','PHY' if clean else '','N']])
    leavers = [['CL21a','D21','Relevant','YES','2023-06-20','T3','W4','Sam Jones']]
    if clean:
        leavers.append(['CL21b','D21','Former Relevant','YES','2024-06-20','T3','W4','Sam Jones'])
    write(case, 'ssd_care_leavers', ['clea_table_id','clea_person_id','clea_care_leaver_eligibility','clea_care_leaver_in_touch',
          'clea_care_leaver_latest_contact','clea_care_leaver_allocated_team','clea_care_leaver_worker_id',
          'clea_care_leaver_personal_advisor'], leavers)
    upns = []
    for i, k in enumerate(kids):
        if k == 'D24' and not clean:
            continue
        upn = upn_for('21024%07d' % (i + 1))
        if k == 'D25' and not clean:
            upn = ('A' if upn[0] != 'A' else 'B') + upn[1:]   # a wrong check letter
        upns.append(['LI' + k[1:], k, 'Unique Pupil Number', upn, '2019-09-01', ''])
    write(case, 'ssd_linked_identifiers', ['link_table_id','link_person_id','link_identifier_type','link_identifier_value',
          'link_valid_from_date','link_valid_to_date'], upns)
    hr = root + '/hr'
    write(hr, 'workers', ['worker_id','swe_registration_number','role','team_id','fte','agency_flag','start_date','leave_date',
          'leave_reason','sickness_days_12m','case_holding_flag'],
          [[w, 'SW' + w[1:], 'social_worker', 'T1', '1.0', 'N', '2015-01-01', '', '', '0', 'Y'] for w in ['W1','W2','W3','W4','W5']])

def duplicates():
    root = BASE + '/data_quality_duplicates'
    for sub in ('case', 'hr', 'reference'):
        shutil.rmtree(os.path.join(root, sub), ignore_errors=True)
    population(root)
    rows = [
        ['U01','Amara','Adeyemi','F','BAFR','2015-03-01'], ['U02','Amara','Adeyemi','F','BAFR','2015-03-01'],   # true: same
        ['U03','Ali','Hussain','M','APKN','2013-07-09'], ['U04','Hussain','Ali','M','APKN','2013-07-09'],       # true: swapped
        ['U05','Zara',"O'Neill",'F','WIRI','2016-11-30'], ['U06','ZARA ','ONeill','F','WIRI','2016-11-30'],     # true: case, punctuation
        ['U07','Leo','Nowak','M','WOTH','2012-01-20'], ['U08','Leo','Nowak','M','WOTH','2012-01-20'],
        ['U09','leo','nowak','M','WOTH','2012-01-20'],                                                          # true: three records
        ['U10','Hana','Khan','F','APKN','2017-05-05'], ['U11','Isla','Khan','F','APKN','2017-05-05'],           # false: twins
        ['U12','Noah','Smith','M','WBRI','2014-02-02'], ['U13','Noah','Smith','M','WBRI','2014-02-03'],         # false: namesakes
        ['U14','Ruby','Evans','F','WBRI','2018-08-08'], ['U15','','Evans','F','WBRI','2018-08-08'],             # false: no forename
        ['U16','Mohammed','Rahman','M','ABAN','2011-04-04'], ['U17','Mohamed','Rahman','M','ABAN','2011-04-14'],  # true: same UPN
    ]
    write(root + '/case', 'ssd_person', ['pers_person_id','pers_forename','pers_surname','pers_sex','pers_ethnicity','pers_dob'], rows)
    # U16 and U17 share a UPN (name spelt and birth date typed differently); the twins U10 and U11 have their own
    upns = [['LU10','U10','UPN',upn_for('210170000010'),'2022-09-01',''], ['LU11','U11','UPN',upn_for('210170000011'),'2022-09-01',''],
            ['LU16','U16','UPN',upn_for('210110000016'),'2016-09-01',''], ['LU17','U17','UPN',upn_for('210110000016'),'2016-09-01','']]
    write(root + '/case', 'ssd_linked_identifiers', ['link_table_id','link_person_id','link_identifier_type','link_identifier_value',
          'link_valid_from_date','link_valid_to_date'], upns)

cohort(False); cohort(True); duplicates()
print('ok')
