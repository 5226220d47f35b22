//! Beijing "3+2" articulation, 2024 campaign (京教函〔2024〕51号): a fictitious but realistic
//! dataset. Real district codes, catalogue majors of matching 大类, valid credit and MoE codes,
//! Chinese descriptions; some school names are real, every figure is invented.
//!
//! A small minority of records breaks the rules on purpose (late uploads, too few meetings, a
//! placeholder description, …) so that every rule of pack `bj-3p2-2024` fires somewhere while most
//! projects pass. The violations are injected for every seed, at seed-chosen places.

use super::rng::Rng;
use crate::model::{
    beijing, Application, Attachments, Cohort, Contact, Dataset, Governance, HeadRole,
    IntegratedTraining, LeadingGroup, MajorRef, Mechanisms, ProgramMode, Project,
    QualityMonitoring, School, SchoolLevel, Semester, SemesterActivity, Standing, StatusReport,
    Submission, SubmissionKind, Timestamp,
};
use crate::reference::catalog::{self, CatalogMajor, EducationLevel};
use crate::reference::uscc;
use chrono::{LocalResult, NaiveDate, TimeZone};
use std::collections::BTreeSet;

/// The sample's name, as in [`super::names`].
pub const NAME: &str = "bj-3p2-2024";

/// Seed of the bundled sample (the notice's date).
pub const SEED: u64 = 20_240_124;

/// The bundled sample: [`generate`] with [`SEED`].
pub fn dataset() -> Dataset {
    generate(SEED)
}

/// A higher vocational school: name, district, 大类 it teaches (secondary category codes),
/// private (民办), independently established (独立设置).
type HigherDef = (
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
    bool,
);

const HIGHER: &[HigherDef] = &[
    (
        "北京电子科技职业学院",
        "110115",
        &["71", "66", "70"],
        false,
        true,
    ),
    (
        "北京工业职业技术学院",
        "110107",
        &["66", "71", "64"],
        false,
        true,
    ),
    ("北京信息职业技术学院", "110105", &["71", "76"], false, true),
    ("北京财贸职业学院", "110112", &["73", "74"], false, true),
    ("北京农业职业学院", "110111", &["61", "69"], false, true),
    ("北京劳动保障职业学院", "110107", &["79", "73"], false, true),
    ("北京卫生职业学院", "110112", &["72"], false, true),
    ("北京交通运输职业学院", "110114", &["70", "66"], false, true),
    ("北京政法职业学院", "110108", &["78", "79"], false, true),
    ("北京经济管理职业学院", "110105", &["73", "75"], false, true),
    ("北京社会管理职业学院", "110115", &["79", "77"], false, true),
    ("北京戏曲艺术职业学院", "110106", &["75"], false, true),
    ("北京体育职业学院", "110114", &["77"], false, true),
    (
        "北京京北职业技术学院",
        "110116",
        &["66", "64", "74"],
        false,
        true,
    ),
    ("北京交通职业技术学院", "110115", &["70", "64"], false, true),
    ("北京城市建设职业学院", "110106", &["64", "79"], false, true),
    (
        "北京现代服务职业学院",
        "110105",
        &["74", "73", "79"],
        false,
        true,
    ),
    ("北京医药健康职业学院", "110113", &["72", "69"], false, true),
    ("北京智能制造职业学院", "110112", &["66", "71"], false, true),
    ("北京科技职业学院", "110119", &["71", "66"], true, true),
    (
        "北京北大方正软件职业技术学院",
        "110108",
        &["71", "75"],
        true,
        true,
    ),
    ("北京培黎职业学院", "110105", &["73", "72"], true, true),
    ("北京汇佳职业学院", "110114", &["74", "77"], true, true),
    ("北京经贸职业学院", "110111", &["73", "74"], true, true),
    ("北京网络职业学院", "110108", &["71", "76"], true, true),
    ("北京艺术传媒职业学院", "110114", &["75", "76"], true, true),
    ("北京科技经营管理学院", "110111", &["73", "64"], true, true),
    // A college inside a university, not independently established: it may not apply (一(三)).
    (
        "北京京华大学职业技术学院",
        "110108",
        &["71", "73"],
        false,
        false,
    ),
];

/// A secondary school: name, district, 大类 it teaches, technician school (技工学校), national key.
type SecondaryDef = (
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
    bool,
);

const SECONDARY: &[SecondaryDef] = &[
    ("北京市商业学校", "110108", &["73", "74", "71"], false, true),
    (
        "北京市昌平职业学校",
        "110114",
        &["70", "66", "61"],
        false,
        true,
    ),
    ("北京市自动化工程学校", "110108", &["66", "71"], false, true),
    ("北京市信息管理学校", "110108", &["71", "73"], false, true),
    ("北京市外事学校", "110105", &["74", "73"], false, true),
    ("北京市财会学校", "110102", &["73"], false, true),
    ("北京市劲松职业高中", "110105", &["74", "75"], false, true),
    (
        "北京市电气工程学校",
        "110106",
        &["66", "71", "64"],
        false,
        true,
    ),
    ("北京市求实职业学校", "110102", &["71", "73"], false, false),
    (
        "北京市丰台区职业教育中心学校",
        "110106",
        &["70", "73", "79"],
        false,
        true,
    ),
    (
        "北京市房山区第一职业高中",
        "110111",
        &["66", "64", "74"],
        false,
        true,
    ),
    (
        "北京市房山区第二职业高中",
        "110111",
        &["61", "79"],
        false,
        false,
    ),
    (
        "北京市密云区职业学校",
        "110118",
        &["74", "61", "73"],
        false,
        true,
    ),
    (
        "北京市延庆区第一职业学校",
        "110119",
        &["74", "61"],
        false,
        true,
    ),
    (
        "北京市怀柔区职业学校",
        "110116",
        &["66", "74", "71"],
        false,
        true,
    ),
    (
        "北京市平谷区职业学校",
        "110117",
        &["61", "70", "73"],
        false,
        true,
    ),
    (
        "北京市门头沟区中等职业学校",
        "110109",
        &["74", "79"],
        false,
        false,
    ),
    (
        "北京市大兴区第一职业学校",
        "110115",
        &["71", "66", "73"],
        false,
        true,
    ),
    (
        "北京市大兴区第二职业学校",
        "110115",
        &["61", "69"],
        false,
        false,
    ),
    (
        "北京市顺义区职业学校",
        "110113",
        &["70", "66", "73"],
        false,
        true,
    ),
    (
        "北京市通州区第一职业学校",
        "110112",
        &["73", "72", "71"],
        false,
        true,
    ),
    (
        "北京市通州区第二职业学校",
        "110112",
        &["74", "77"],
        false,
        false,
    ),
    (
        "北京市石景山区职业学校",
        "110107",
        &["75", "71"],
        false,
        false,
    ),
    (
        "北京市海淀区职业学校",
        "110108",
        &["71", "75", "73"],
        false,
        true,
    ),
    (
        "北京市朝阳区职业技术学校",
        "110105",
        &["73", "74", "79"],
        false,
        false,
    ),
    ("北京市西城职业学校", "110102", &["75", "73"], false, true),
    (
        "北京市东城区职业高中",
        "110101",
        &["74", "73"],
        false,
        false,
    ),
    ("北京市对外贸易学校", "110105", &["73", "74"], false, true),
    ("北京市供销学校", "110106", &["73", "69"], false, false),
    ("北京市园林学校", "110106", &["61", "64"], false, true),
    ("北京市实美职业学校", "110105", &["75", "74"], false, true),
    ("北京市医药器械学校", "110106", &["72", "66"], false, true),
    ("北京市卫生学校", "110108", &["72"], false, true),
    ("北京铁路电气化学校", "110105", &["70", "66"], false, true),
    ("北京市经济管理学校", "110108", &["73", "71"], false, false),
    ("北京市旅游学校", "110105", &["74"], false, false),
    ("北京市汽车工程学校", "110106", &["70", "66"], false, false),
    ("北京市建筑工程学校", "110102", &["64"], false, true),
    ("北京市交通运输职业学校", "110114", &["70"], false, false),
    ("北京市黄庄职业高中", "110108", &["73", "75"], false, false),
    (
        "北京市昌平区第二职业学校",
        "110114",
        &["74", "61"],
        false,
        false,
    ),
    (
        "北京市顺义区第二职业学校",
        "110113",
        &["73", "79"],
        false,
        false,
    ),
    (
        "北京市密云区第二职业学校",
        "110118",
        &["61", "74"],
        false,
        false,
    ),
    (
        "北京市怀柔区第二职业学校",
        "110116",
        &["73", "79"],
        false,
        false,
    ),
    (
        "北京市平谷区第二职业学校",
        "110117",
        &["69", "73"],
        false,
        false,
    ),
    (
        "北京市延庆区第二职业学校",
        "110119",
        &["66", "79"],
        false,
        false,
    ),
    (
        "北京市门头沟区第二职业学校",
        "110109",
        &["73", "77"],
        false,
        false,
    ),
    (
        "北京市丰台区第二职业学校",
        "110106",
        &["71", "73"],
        false,
        false,
    ),
    (
        "北京市朝阳区第二职业学校",
        "110105",
        &["72", "79"],
        false,
        false,
    ),
    (
        "北京市海淀区第二职业学校",
        "110108",
        &["71", "77"],
        false,
        false,
    ),
    (
        "北京市石景山区第二职业学校",
        "110107",
        &["66", "70"],
        false,
        false,
    ),
    ("北京市体育运动学校", "110105", &["77"], false, true),
    ("北京市艺术职业学校", "110102", &["75"], false, false),
    ("北京市幼儿师范学校", "110106", &["77"], false, false),
    ("北京市社会福利学校", "110106", &["79", "72"], false, false),
    ("北京市司法警官学校", "110114", &["78"], false, false),
    ("北京市工业技师学院", "110105", &["66", "71"], true, false),
    (
        "北京市工贸技师学院",
        "110106",
        &["66", "70", "73"],
        true,
        false,
    ),
    (
        "北京市新媒体技师学院",
        "110115",
        &["71", "76", "75"],
        true,
        false,
    ),
    (
        "北京市公用事业技师学院",
        "110106",
        &["64", "66"],
        true,
        false,
    ),
    ("北京市汽车技师学院", "110112", &["70"], true, false),
    (
        "北京市劳动保障技师学院",
        "110114",
        &["79", "73"],
        true,
        false,
    ),
];

/// Classes Beijing, far from the sea, does not teach: 渔业类, 水上运输类.
const INLAND_ABSENT: &[&str] = &["6104", "7003"];

/// Industry wording per secondary 大类 code, for descriptions.
fn industry(category: &str) -> &'static str {
    match category {
        "61" => "现代农业",
        "64" => "建筑施工",
        "66" => "智能制造",
        "69" => "食品药品",
        "70" => "交通运输",
        "71" => "信息技术",
        "72" => "医疗卫生",
        "73" => "现代商贸",
        "74" => "文化旅游",
        "75" => "文化创意",
        "76" => "融媒体",
        "77" => "教育体育",
        "78" => "司法行政",
        "79" => "社区服务",
        _ => "相关行业",
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "董", "程", "曹", "袁", "邓",
    "许", "沈", "曾", "彭", "吕", "苏", "卢", "蒋",
];
const GIVEN: &[&str] = &[
    "建国", "丽华", "志强", "海燕", "晓东", "红梅", "立新", "文静", "国庆", "秀英", "明", "伟",
    "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "艳", "涛", "超", "霞", "平", "刚", "桂芳",
    "新民", "春雷", "雪梅", "振华", "玉兰", "宏伟", "晓燕", "建军", "永红", "卫东", "淑珍", "亚楠",
    "思远",
];
const OFFICES_HIGHER: &[&str] = &[
    "中高职衔接办学办公室",
    "教务处",
    "继续教育学院",
    "教学工作部",
];
const OFFICES_SECONDARY: &[&str] = &[
    "教务处",
    "教学管理处",
    "中高职衔接工作办公室",
    "专业建设办公室",
];

const SCHOOL_ENTERPRISE: &[&str] = &[
    "与{n}家{industry}骨干企业签订校企合作协议,共建{major}专业实训基地,企业专家参与一体化人才培养方案修订。",
    "依托{industry}产教融合共同体,与合作企业共建{major}订单班,企业每学期安排认知实习和岗位体验。",
    "成立由行业企业专家参加的{major}专业建设指导委员会,每学年召开两次会议,共同研讨岗位能力标准。",
    "与合作企业共建校外实习基地{n}个,企业导师参与中职阶段专业课程教学和技能考核。",
];
const SCHOOL_SCHOOL: &[&str] = &[
    "中高职双方签订衔接办学合作协议,成立联合教研室,明确双方在招生宣传、教学管理和转段考核中的职责。",
    "建立中高职双方校级领导定期会商制度,每学期召开联席会议,协调解决衔接办学中的具体问题。",
    "双方共同制定{major}专业中高职衔接教学管理办法,实行学分互认和学生学业档案共享。",
];
const TEACHER_EXCHANGE: &[&str] = &[
    "高职学校每学期选派{t}名专业教师到中职学校授课,中职教师到高职学校跟岗研修。",
    "建立中高职教师结对帮扶机制,{t}对教师结对开展课程开发和教学研讨。",
    "双方教师共同参加{industry}企业实践,组建跨校{major}专业教学创新团队。",
];
const RESOURCE_SHARING: &[&str] = &[
    "高职学校向中职学生开放{major}专业实训中心和图书馆,双方共享在线课程资源{n}门。",
    "共建共享{major}专业教学资源库,实训设备按学期统筹排课、共同使用。",
    "双方共用{industry}虚拟仿真实训平台,中职学生每学期到高职学校开展实训不少于{n}周。",
];
const QUALITY_MONITORING: &[&str] = &[
    "建立中高职一体化教学质量监测机制,每学期开展学生学业水平抽测和教学检查。",
    "双方联合开展学生满意度调查和毕业生跟踪,形成年度质量监测报告并据此改进教学。",
    "引入第三方评价,对课程教学、实习实训和转段考核情况开展年度质量评估。",
];
const PLAN_REVISION: &[&str] = &[
    "2023年对照新版专业教学标准修订{major}专业中高职一体化人才培养方案,明确五年培养目标和能力进阶路径。",
    "结合{industry}岗位需求变化,双方共同修订一体化人才培养方案,优化公共基础课与专业课的比例。",
];
const BRIDGING_COURSES: &[&str] = &[
    "梳理中高职两个阶段的课程内容,消除重复,设计{k}门衔接性课程并统一编写课程标准。",
    "按照能力递进原则重构课程体系,中职阶段侧重基本技能,高职阶段侧重综合应用,共同开发衔接教材{k}本。",
];
const ENTERPRISE_COMMUNICATION: &[&str] = &[
    "每学期邀请{industry}企业专家开展专业讲座和岗位需求座谈,及时调整教学内容。",
    "与合作企业建立定期沟通机制,每学年开展人才需求调研并形成调研报告。",
];
const TEACHER_RESEARCH: &[&str] = &[
    "高职教师到中职学校承担{major}专业核心课程教学,双方共同开展集体备课和教研活动{n}次。",
    "中高职教师互换授课,联合申报教学改革课题{k}项,共同打磨示范课。",
];
const SHARED_RESOURCES: &[&str] = &[
    "共建{major}专业实训基地,课程资源和实训设备共用共享,中职学生定期到高职学校实训。",
    "双方共建在线开放课程{k}门,校内外实训基地同时面向两校学生开放。",
];
const TRANSFER_ASSESSMENT: &[&str] = &[
    "双方共同制定转段考核方案,采用文化素质与专业技能相结合的考核方式,2023年转段考核顺利完成。",
    "协同开展育人工作,共同组织转段考核,考核内容涵盖公共基础课和专业技能测试。",
    "建立转段前学业预警和帮扶机制,共同组织专业技能考核和综合素质评价。",
];
const TRANSFER_PENDING: &str =
    "首届学生尚在中职阶段,双方已共同研制转段考核方案和考核标准,并开展了模拟测试。";

/// The semesters of activity in the sample, oldest first.
const SEMESTERS: [(i32, u8); 4] = [(2022, 1), (2022, 2), (2023, 1), (2023, 2)];

/// An instant given in Beijing time (always valid: the inputs here are literal dates).
fn bj(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Timestamp {
    let naive = NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|d| d.and_hms_opt(h, mi, s))
        .unwrap_or_default();
    match beijing().from_local_datetime(&naive) {
        LocalResult::Single(t) => t,
        _ => beijing().from_utc_datetime(&naive),
    }
}

/// GB 11714 organisation code: 8 characters and a check character.
fn org_code(body: &str) -> String {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(W)
        .map(|(c, w)| c.to_digit(36).unwrap_or(0) * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10).unwrap_or('0'),
    };
    format!("{body}{check}")
}

struct SchoolInfo {
    id: String,
    families: &'static [&'static str],
    independent: bool,
}

struct Gen {
    rng: Rng,
    higher: Vec<SchoolInfo>,
    secondary: Vec<SchoolInfo>,
}

impl Gen {
    fn pick<T: Copy>(&mut self, xs: &[T], fallback: T) -> T {
        self.rng.pick(xs).copied().unwrap_or(fallback)
    }

    fn person(&mut self) -> String {
        let s = self.pick(SURNAMES, "王");
        let g = self.pick(GIVEN, "明");
        format!("{s}{g}")
    }

    fn schools(&mut self) -> Vec<School> {
        let mut out = Vec::with_capacity(HIGHER.len() + SECONDARY.len());
        let mut org_seq: BTreeSet<u32> = BTreeSet::new();
        let mut moe_seq: BTreeSet<u32> = BTreeSet::new();
        let fresh = |rng: &mut Rng, set: &mut BTreeSet<u32>, lo: u32, hi: u32| loop {
            let v = rng.range(lo, hi);
            if set.insert(v) {
                break v;
            }
        };
        for (i, &(name, district, families, private, independent)) in HIGHER.iter().enumerate() {
            let id = format!("H{:02}", i + 1);
            let org = fresh(&mut self.rng, &mut org_seq, 1_000_000, 9_999_999);
            // 12: public institution (事业单位); 52: private non-enterprise unit (民办非企业单位).
            let kind = if private { "52" } else { "12" };
            let uscc =
                uscc::with_check_char(&format!("{kind}{district}{}", org_code(&format!("4{org}"))));
            let moe = fresh(&mut self.rng, &mut moe_seq, 10_000, 14_999);
            let governance = self.governance(true);
            out.push(School {
                id: id.clone(),
                name: name.to_string(),
                level: SchoolLevel::Higher,
                district: Some(district.to_string()),
                uscc,
                moe_code: Some(format!("4111{:06}", moe)),
                national_key: None,
                independent: Some(independent),
                governance: Some(governance),
            });
            self.higher.push(SchoolInfo {
                id,
                families,
                independent,
            });
        }
        for (i, &(name, district, families, technician, key)) in SECONDARY.iter().enumerate() {
            let id = format!("S{:02}", i + 1);
            let org = fresh(&mut self.rng, &mut org_seq, 1_000_000, 9_999_999);
            let uscc =
                uscc::with_check_char(&format!("12{district}{}", org_code(&format!("4{org}"))));
            // Technician schools report to the human-resources bureau and have no MoE code.
            let moe_code = if technician {
                None
            } else {
                let seq = fresh(&mut self.rng, &mut moe_seq, 20_000, 29_999);
                Some(format!("3611{:06}", seq))
            };
            let governance = self.governance(false);
            out.push(School {
                id: id.clone(),
                name: name.to_string(),
                level: if technician {
                    SchoolLevel::Technician
                } else {
                    SchoolLevel::Secondary
                },
                district: Some(district.to_string()),
                uscc,
                moe_code,
                national_key: Some(key),
                independent: None,
                governance: Some(governance),
            });
            self.secondary.push(SchoolInfo {
                id,
                families,
                independent: false,
            });
        }
        out
    }

    fn governance(&mut self, higher: bool) -> Governance {
        let head = self.person();
        let role = if self.rng.chance(500) {
            HeadRole::Principal
        } else {
            HeadRole::PartySecretary
        };
        let office = if higher {
            self.pick(OFFICES_HIGHER, "教务处")
        } else {
            self.pick(OFFICES_SECONDARY, "教务处")
        };
        let contact = self.person();
        let phone = format!(
            "010-{}{:07}",
            if self.rng.chance(500) { 6 } else { 8 },
            self.rng.range(0, 9_999_999)
        );
        // From the phone number, so no random draw: the rest of the sample stays as it was.
        let email = format!("lianxi{}@xj-sample.edu.cn", &phone[phone.len() - 4..]);
        let day = self.rng.range(25, 31);
        let hour = self.rng.range(8, 16);
        let reported_at = bj(
            2024,
            1,
            day,
            hour,
            self.rng.range(0, 59),
            self.rng.range(0, 59),
        );
        Governance {
            leading_group: Some(LeadingGroup {
                head: Some(head),
                head_role: Some(role),
            }),
            responsible_office: Some(office.to_string()),
            contact: Some(Contact {
                name: Some(contact),
                phone: Some(phone),
                email: Some(email),
                reported_at: Some(reported_at),
            }),
        }
    }

    /// A secondary major of category `family` and a higher major of the same 大类, preferring the
    /// parallel class and the most similar name (计算机应用 → 计算机应用技术).
    fn major_pair(&mut self, family: &str) -> (&'static CatalogMajor, &'static CatalogMajor) {
        let all = catalog::majors();
        let secondary: Vec<&CatalogMajor> = all
            .iter()
            .filter(|m| m.level == EducationLevel::Secondary && m.category_code == family)
            .filter(|m| !INLAND_ABSENT.contains(&m.class_code))
            .collect();
        let Some(&sec) = self.rng.pick(&secondary).or_else(|| secondary.first()) else {
            return (&all[all.len() - 1], &all[0]);
        };
        let higher_cat = family
            .parse::<u32>()
            .map(|c| (c - 20).to_string())
            .unwrap_or_default();
        let higher_class = format!("{higher_cat}{}", sec.class_code.get(2..4).unwrap_or(""));
        // Shared characters, with a bonus for the parallel class: 计算机应用 → 计算机应用技术.
        let score = |m: &CatalogMajor| {
            2 * sec.name.chars().filter(|c| m.name.contains(*c)).count()
                + if m.class_code == higher_class { 3 } else { 0 }
        };
        let cands: Vec<&CatalogMajor> = all
            .iter()
            .filter(|m| m.level == EducationLevel::Associate && !m.code.ends_with('K'))
            .filter(|m| m.category_code == higher_cat)
            .collect();
        let best = cands.iter().map(|m| score(m)).max().unwrap_or(0);
        let top: Vec<&CatalogMajor> = cands.into_iter().filter(|m| score(m) == best).collect();
        let hi = self.rng.pick(&top).copied().unwrap_or(sec);
        (sec, hi)
    }

    fn projects(&mut self) -> Vec<Project> {
        let mut modes = Vec::with_capacity(447);
        modes.extend(std::iter::repeat_n(ProgramMode::ThreePlusTwo, 400));
        modes.extend(std::iter::repeat_n(ProgramMode::FiveYear, 25));
        modes.extend(std::iter::repeat_n(ProgramMode::HigherBachelor, 12));
        modes.extend(std::iter::repeat_n(ProgramMode::SpecialistPilot, 10));
        // Public colleges carry most projects; the non-independent college has none.
        let weights: Vec<usize> = HIGHER
            .iter()
            .map(|h| match (h.3, h.4) {
                (_, false) => 0,
                (true, _) => 1,
                (false, _) => 3,
            })
            .collect();
        let total: usize = weights.iter().sum();
        let mut seen: BTreeSet<(usize, usize, &str, &str)> = BTreeSet::new();
        let mut five: BTreeSet<(usize, &str)> = BTreeSet::new();
        let mut bachelor: BTreeSet<(usize, &str)> = BTreeSet::new();
        let mut rows = Vec::with_capacity(modes.len());
        for mode in modes {
            for _attempt in 0..20 {
                let mut w = self.rng.below(total);
                let h = weights
                    .iter()
                    .position(|&x| {
                        if w < x {
                            true
                        } else {
                            w -= x;
                            false
                        }
                    })
                    .unwrap_or(0);
                let families = self.higher[h].families;
                let family = self.pick(families, "71");
                let (sec_major, hi_major) = self.major_pair(family);
                let s = if mode == ProgramMode::HigherBachelor {
                    usize::MAX
                } else {
                    let cands: Vec<usize> = (0..self.secondary.len())
                        .filter(|&i| self.secondary[i].families.contains(&family))
                        .collect();
                    match self.rng.pick(&cands) {
                        Some(&i) => i,
                        None => self.rng.below(self.secondary.len()),
                    }
                };
                let hm = hi_major.code;
                let clash = match mode {
                    ProgramMode::FiveYear => bachelor.contains(&(h, hm)) || five.contains(&(h, hm)),
                    ProgramMode::HigherBachelor => {
                        five.contains(&(h, hm)) || bachelor.contains(&(h, hm))
                    }
                    _ => false,
                };
                if clash || !seen.insert((s, h, sec_major.code, hm)) {
                    continue;
                }
                match mode {
                    ProgramMode::FiveYear => {
                        five.insert((h, hm));
                    }
                    ProgramMode::HigherBachelor => {
                        bachelor.insert((h, hm));
                    }
                    _ => {}
                }
                let newly = mode != ProgramMode::HigherBachelor && self.rng.chance(130);
                let approved = if newly {
                    2023
                } else if mode == ProgramMode::HigherBachelor {
                    self.pick(&[2019, 2020, 2021, 2022], 2021)
                } else {
                    self.pick(
                        &[
                            2013, 2014, 2015, 2016, 2017, 2018, 2019, 2019, 2020, 2020, 2021, 2021,
                            2022, 2022,
                        ],
                        2020,
                    )
                };
                rows.push((approved, h, s, mode, newly, sec_major, hi_major));
                break;
            }
        }
        rows.sort_by(|a, b| {
            (a.0, a.1, a.2, a.5.code, a.6.code).cmp(&(b.0, b.1, b.2, b.5.code, b.6.code))
        });
        rows.into_iter()
            .enumerate()
            .map(|(i, (approved, h, s, mode, newly, sm, hm))| Project {
                id: format!("P{:04}", i + 1),
                mode,
                secondary_school: self.secondary.get(s).map(|x| x.id.clone()),
                higher_school: self.higher[h].id.clone(),
                secondary_major: (mode != ProgramMode::HigherBachelor).then(|| MajorRef {
                    code: sm.code.to_string(),
                    name: Some(sm.name.to_string()),
                }),
                higher_major: MajorRef {
                    code: hm.code.to_string(),
                    name: Some(hm.name.to_string()),
                },
                standing: if newly {
                    Standing::NewlyApproved
                } else {
                    Standing::QualityMonitored
                },
                approved_year: Some(approved),
            })
            .collect()
    }

    fn cohorts(&mut self, projects: &[Project]) -> Vec<Cohort> {
        let mut out = Vec::new();
        for p in projects.iter().filter(|p| p.secondary_school.is_some()) {
            let first = p.approved_year.unwrap_or(2020).max(2020);
            for year in first..=2023 {
                let enrolled = match p.mode {
                    ProgramMode::FiveYear => self.rng.range(30, 50),
                    ProgramMode::SpecialistPilot => self.rng.range(20, 35),
                    _ => self.rng.range(25, 45),
                };
                let c = if year == 2020 {
                    // The 2020 intake finished the secondary stage in 2023 and transferred.
                    let graduated = enrolled - self.rng.range(0, 3);
                    let transferred = graduated - self.rng.range(0, 2);
                    Cohort {
                        project: p.id.clone(),
                        entry_year: year,
                        enrolled,
                        still_enrolled: Some(transferred),
                        graduated_secondary: Some(graduated),
                        transferred: Some(transferred),
                    }
                } else {
                    let years_in = (2023 - year) as u32;
                    Cohort {
                        project: p.id.clone(),
                        entry_year: year,
                        enrolled,
                        still_enrolled: Some(enrolled - self.rng.range(0, years_in + 1)),
                        graduated_secondary: None,
                        transferred: None,
                    }
                };
                out.push(c);
            }
        }
        out
    }

    fn activities(&mut self, projects: &[Project]) -> Vec<SemesterActivity> {
        let mut out = Vec::new();
        for p in projects
            .iter()
            .filter(|p| p.mode == ProgramMode::ThreePlusTwo)
        {
            // A project approved in 2023 starts work in the autumn of 2023.
            let from = usize::from(p.standing == Standing::NewlyApproved) * 2;
            for &(start_year, term) in &SEMESTERS[from..] {
                let meetings = if self.rng.chance(10) {
                    self.rng.range(0, 1)
                } else {
                    self.rng.range(2, 5)
                };
                let joint_research = if self.rng.chance(5) {
                    self.rng.range(1, 2)
                } else {
                    self.rng.range(3, 7)
                };
                let teachers = if self.rng.chance(5) {
                    self.rng.range(2, 4)
                } else {
                    self.rng.range(5, 12)
                };
                out.push(SemesterActivity {
                    project: p.id.clone(),
                    semester: Semester { start_year, term },
                    meetings: Some(meetings),
                    joint_research: Some(joint_research),
                    teachers_dispatched: Some(teachers),
                });
            }
        }
        out
    }

    fn text(&mut self, bank: &[&str], major: &str, industry: &str) -> String {
        let t = self.pick(bank, "");
        t.replace("{major}", major)
            .replace("{industry}", industry)
            .replace("{n}", &self.rng.range(2, 6).to_string())
            .replace("{t}", &self.rng.range(5, 9).to_string())
            .replace("{k}", &self.rng.range(2, 6).to_string())
    }

    fn reports(&mut self, projects: &[Project], cohorts: &[Cohort]) -> Vec<StatusReport> {
        let mut out = Vec::new();
        for p in projects {
            if p.mode == ProgramMode::HigherBachelor {
                continue;
            }
            let cohort = |y: i32| {
                cohorts
                    .iter()
                    .find(|c| c.project == p.id && c.entry_year == y)
            };
            let enrollment = cohort(2023).map(|c| c.enrolled);
            let grad = cohort(2020);
            let major = p.higher_major.name.clone().unwrap_or_default();
            let family = p
                .secondary_major
                .as_ref()
                .and_then(|m| m.code.get(..2))
                .unwrap_or("");
            let ind = industry(family);
            let transfer = if grad.is_some() {
                self.text(TRANSFER_ASSESSMENT, &major, ind)
            } else {
                TRANSFER_PENDING.to_string()
            };
            let day = self.rng.range(5, 27);
            let hour = if day == 27 {
                self.rng.range(8, 15)
            } else {
                self.rng.range(8, 20)
            };
            out.push(StatusReport {
                project: p.id.clone(),
                reporting_year: 2024,
                enrollment,
                graduated_secondary: Some(grad.and_then(|c| c.graduated_secondary).unwrap_or(0)),
                transferred: Some(grad.and_then(|c| c.transferred).unwrap_or(0)),
                mechanisms: Mechanisms {
                    school_enterprise: Some(self.text(SCHOOL_ENTERPRISE, &major, ind)),
                    school_school: Some(self.text(SCHOOL_SCHOOL, &major, ind)),
                    teacher_exchange: Some(self.text(TEACHER_EXCHANGE, &major, ind)),
                    resource_sharing: Some(self.text(RESOURCE_SHARING, &major, ind)),
                    quality_monitoring: Some(self.text(QUALITY_MONITORING, &major, ind)),
                },
                integrated_training: IntegratedTraining {
                    plan_revision: Some(self.text(PLAN_REVISION, &major, ind)),
                    bridging_courses: Some(self.text(BRIDGING_COURSES, &major, ind)),
                    enterprise_communication: Some(self.text(
                        ENTERPRISE_COMMUNICATION,
                        &major,
                        ind,
                    )),
                    teacher_exchange_research: Some(self.text(TEACHER_RESEARCH, &major, ind)),
                    shared_resources: Some(self.text(SHARED_RESOURCES, &major, ind)),
                    transfer_assessment: Some(transfer),
                },
                filed_by: p.secondary_school.clone(),
                submitted_at: Some(bj(
                    2024,
                    2,
                    day,
                    hour,
                    self.rng.range(0, 59),
                    self.rng.range(0, 59),
                )),
            });
        }
        out
    }

    /// New applications for 2024. At most 3 per school on both sides, except where injected.
    fn applications(&mut self) -> Vec<Application> {
        // Slots on the higher side: 3 per independent college.
        let mut slots: Vec<usize> = (0..self.higher.len())
            .filter(|&h| self.higher[h].independent)
            .flat_map(|h| [h, h, h])
            .collect();
        self.rng.shuffle(&mut slots);
        let mut applicants: Vec<usize> = (0..self.secondary.len()).collect();
        self.rng.shuffle(&mut applicants);
        applicants.truncate(self.secondary.len() - 4);
        // One school applies 4 times; the others share what is left, 1 to 3 each.
        let mut counts = vec![1usize; applicants.len()];
        counts[0] = 4;
        let mut left = slots.len() - counts.iter().sum::<usize>();
        while left > 0 {
            let i = 1 + self.rng.below(counts.len() - 1);
            if counts[i] < 3 {
                counts[i] += 1;
                left -= 1;
            }
        }
        let mut rows: Vec<(usize, usize, u32)> = Vec::new(); // (secondary, higher, rank)
        let mut slot = slots.into_iter();
        for (k, &s) in applicants.iter().enumerate() {
            let n = counts[k];
            let mut ranks: Vec<u32> = (1..=n as u32).collect();
            self.rng.shuffle(&mut ranks);
            for r in ranks {
                if let Some(h) = slot.next() {
                    rows.push((s, h, r));
                }
            }
        }
        rows.sort_unstable();
        let mut out = Vec::with_capacity(rows.len() + 2);
        for (s, h, rank) in rows {
            let family = self.pick(self.higher[h].families, "71");
            out.push(self.application(
                self.secondary[s].id.clone(),
                self.higher[h].id.clone(),
                family,
                rank,
            ));
        }
        out
    }

    fn application(&mut self, sec: String, hi: String, family: &str, rank: u32) -> Application {
        let (sm, hm) = self.major_pair(family);
        let day = self.rng.range(19, 27);
        let hour = if day == 27 {
            self.rng.range(8, 15)
        } else {
            self.rng.range(8, 21)
        };
        Application {
            id: String::new(),
            year: 2024,
            secondary_school: sec,
            higher_school: hi,
            secondary_major: MajorRef {
                code: sm.code.to_string(),
                name: Some(sm.name.to_string()),
            },
            higher_major: MajorRef {
                code: hm.code.to_string(),
                name: Some(hm.name.to_string()),
            },
            rank: Some(rank),
            attachments: Attachments {
                sealed_form_pdf: Some(format!("{}-{}申报书(盖章).pdf", sm.name, hm.name)),
                training_plan: Some(format!("{}专业中高职衔接一体化人才培养方案.docx", hm.name)),
                demand_research: Some(format!("{}专业人才需求调研报告.pdf", hm.name)),
            },
            submitted_at: Some(bj(
                2024,
                2,
                day,
                hour,
                self.rng.range(0, 59),
                self.rng.range(0, 59),
            )),
        }
    }

    fn monitoring(&mut self, schools: &[School]) -> Vec<QualityMonitoring> {
        schools
            .iter()
            .map(|s| QualityMonitoring {
                school: s.id.clone(),
                year: 2023,
                completed_at: Some(bj(
                    2023,
                    12,
                    self.rng.range(4, 29),
                    self.rng.range(9, 17),
                    self.rng.range(0, 59),
                    0,
                )),
                summary: Some("2023年度中高职衔接办学质量监测与总结报告.pdf".to_string()),
            })
            .collect()
    }
}

/// The sample generated from `seed`. Every seed yields the same shape (schools, 447 projects,
/// the same kinds of violation); the seed moves names, figures and where the violations land.
pub fn generate(seed: u64) -> Dataset {
    let mut g = Gen {
        rng: Rng::new(seed),
        higher: Vec::new(),
        secondary: Vec::new(),
    };
    let mut schools = g.schools();
    let projects = g.projects();
    let cohorts = g.cohorts(&projects);
    let activities = g.activities(&projects);
    let reports = g.reports(&projects, &cohorts);
    let applications = g.applications();
    let monitoring = g.monitoring(&schools);
    let mut ds = Dataset {
        name: Some("北京市“3+2”中高职衔接办学示例数据(模拟,2024年填报)".to_string()),
        reporting_year: Some(2024),
        schools: Vec::new(),
        projects,
        applications,
        cohorts,
        semester_activities: activities,
        status_reports: reports,
        quality_monitoring: monitoring,
        ..Default::default()
    };
    std::mem::swap(&mut ds.schools, &mut schools);
    inject(&mut g, &mut ds);
    for (i, a) in ds.applications.iter_mut().enumerate() {
        a.id = format!("A{:04}", i + 1);
    }
    ds
}

/// Picks an index of `xs` satisfying `ok` that is not yet `used`, and marks it used.
fn target<T>(
    rng: &mut Rng,
    xs: &[T],
    used: &mut BTreeSet<usize>,
    ok: impl Fn(&T) -> bool,
) -> Option<usize> {
    let cands: Vec<usize> = (0..xs.len())
        .filter(|i| !used.contains(i) && xs.get(*i).is_some_and(&ok))
        .collect();
    let i = *rng.pick(&cands)?;
    used.insert(i);
    Some(i)
}

/// Breaks a few records on purpose, so that each rule of the pack fires at least once.
fn inject(g: &mut Gen, ds: &mut Dataset) {
    let rng = &mut g.rng;
    let is_32 = |p: &Project| p.mode == ProgramMode::ThreePlusTwo;

    // Projects: a major with both a five-year and a higher-to-bachelor programme (三(一)).
    let mut used_p = BTreeSet::new();
    let five = target(rng, &ds.projects, &mut used_p, |p| {
        p.mode == ProgramMode::FiveYear
    });
    let hb = target(rng, &ds.projects, &mut used_p, |p| {
        p.mode == ProgramMode::HigherBachelor
    });
    if let (Some(f), Some(b)) = (five, hb) {
        let (h, m) = (
            ds.projects[f].higher_school.clone(),
            ds.projects[f].higher_major.clone(),
        );
        ds.projects[b].higher_school = h;
        ds.projects[b].higher_major = m;
    }

    // Status reports, by project: one 3+2 and one five-year project never reported (二(一), 三(三)).
    let report_of = |ds: &Dataset, p: usize| {
        let id = &ds.projects[p].id;
        ds.status_reports.iter().position(|r| &r.project == id)
    };
    let mut drop = Vec::new();
    if let Some(p) = target(rng, &ds.projects, &mut used_p, is_32) {
        drop.extend(report_of(ds, p));
    }
    if let Some(p) = target(rng, &ds.projects, &mut used_p, |p| {
        p.mode == ProgramMode::FiveYear
    }) {
        drop.extend(report_of(ds, p));
    }
    let mut edit = |ds: &mut Dataset,
                    rng: &mut Rng,
                    ok: &dyn Fn(&Project) -> bool,
                    f: &dyn Fn(&mut StatusReport)| {
        if let Some(p) = target(rng, &ds.projects, &mut used_p, |p| is_32(p) && ok(p)) {
            if let Some(r) = report_of(ds, p) {
                f(&mut ds.status_reports[r]);
            }
        }
    };
    let higher_of = |ds: &Dataset, id: &str| {
        ds.projects
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.higher_school.clone())
    };
    // More transferred than graduated, in a project that had graduates (二(二)1).
    let graduated = |p: &Project| p.approved_year.is_some_and(|y| y <= 2020);
    edit(ds, rng, &graduated, &|r| {
        r.transferred = Some(r.graduated_secondary.unwrap_or(0) + 2)
    });
    // A placeholder and a "same as above" (二(二)2, 二(二)3).
    edit(ds, rng, &|_| true, &|r| {
        r.mechanisms.resource_sharing = Some("无".into())
    });
    edit(ds, rng, &|_| true, &|r| {
        r.integrated_training.bridging_courses = Some("同上".into())
    });
    // Uploaded the morning after the deadline (二(三)).
    edit(ds, rng, &|_| true, &|r| {
        r.submitted_at = Some(bj(2024, 2, 28, 9, 41, 12))
    });
    // Filed by the higher school instead of the secondary school (二(三)).
    if let Some(p) = target(rng, &ds.projects, &mut used_p, is_32) {
        if let Some(r) = report_of(ds, p) {
            let id = ds.status_reports[r].project.clone();
            ds.status_reports[r].filed_by = higher_of(ds, &id);
        }
    }
    drop.sort_unstable();
    for r in drop.into_iter().rev() {
        ds.status_reports.remove(r);
    }

    // Semester activity: at least one short of each minimum, and one count left blank (三(二)),
    // in semesters the notice judges (from 2023-2024-1, under way on its date, 2024-01-24).
    let judged = |a: &SemesterActivity| a.semester.start_year >= 2023;
    let mut used_a = BTreeSet::new();
    if let Some(i) = target(rng, &ds.semester_activities, &mut used_a, judged) {
        ds.semester_activities[i].meetings = Some(1);
    }
    if let Some(i) = target(rng, &ds.semester_activities, &mut used_a, judged) {
        ds.semester_activities[i].joint_research = Some(2);
    }
    if let Some(i) = target(rng, &ds.semester_activities, &mut used_a, judged) {
        ds.semester_activities[i].teachers_dispatched = Some(3);
    }
    if let Some(i) = target(rng, &ds.semester_activities, &mut used_a, judged) {
        ds.semester_activities[i].teachers_dispatched = None;
    }

    // Schools: governance gaps (三(一), closing paragraph).
    let mut used_s = BTreeSet::new();
    if let Some(i) = target(rng, &ds.schools, &mut used_s, |s| {
        s.level != SchoolLevel::Higher
    }) {
        if let Some(g) = ds.schools[i].governance.as_mut() {
            g.contact = None;
        }
    }
    if let Some(i) = target(rng, &ds.schools, &mut used_s, |_| true) {
        if let Some(lg) = ds.schools[i]
            .governance
            .as_mut()
            .and_then(|g| g.leading_group.as_mut())
        {
            lg.head_role = Some(HeadRole::VicePrincipal);
        }
    }
    if let Some(i) = target(rng, &ds.schools, &mut used_s, |_| true) {
        if let Some(c) = ds.schools[i]
            .governance
            .as_mut()
            .and_then(|g| g.contact.as_mut())
        {
            c.reported_at = Some(bj(2024, 2, 1, 10, 5, 0));
        }
    }
    // Quality monitoring: one finished in January, one school with no record (三(三)).
    if let Some(i) = target(rng, &ds.schools, &mut used_s, |_| true) {
        let id = ds.schools[i].id.clone();
        if let Some(q) = ds.quality_monitoring.iter_mut().find(|q| q.school == id) {
            q.completed_at = Some(bj(2024, 1, 5, 10, 30, 0));
        }
    }
    if let Some(i) = target(rng, &ds.schools, &mut used_s, |s| {
        s.level != SchoolLevel::Higher
    }) {
        let id = ds.schools[i].id.clone();
        ds.quality_monitoring.retain(|q| q.school != id);
    }

    inject_applications(g, ds);
    inject_duties(g, ds);
}

/// Breaches of the obligations added later (issue 13), drawn after every other so that the
/// earlier ones stay where they were.
fn inject_duties(g: &mut Gen, ds: &mut Dataset) {
    let rng = &mut g.rng;
    // A contact telephone written without its area code (附件1).
    let mut used_s = BTreeSet::new();
    let has_contact = |s: &School| {
        s.governance
            .as_ref()
            .and_then(|g| g.contact.as_ref())
            .is_some_and(|c| c.reported_at.is_some())
    };
    if let Some(i) = target(rng, &ds.schools, &mut used_s, has_contact) {
        if let Some(c) = ds.schools[i]
            .governance
            .as_mut()
            .and_then(|g| g.contact.as_mut())
        {
            c.phone = c
                .phone
                .as_ref()
                .map(|p| p.trim_start_matches("010-").to_string());
        }
    }
    // A report whose enrollment is not the project's 2023 cohort (二(二)1), and a project
    // discontinued after approval that still filed (附件4: not on the list).
    let mut used_r = BTreeSet::new();
    if let Some(i) = target(rng, &ds.status_reports, &mut used_r, |r| {
        r.enrollment.is_some_and(|n| n > 0)
    }) {
        if let Some(n) = ds.status_reports[i].enrollment.as_mut() {
            *n += 5;
        }
    }
    // A 3+2 project: the five-year one of the bachelor-track breach must stay in force.
    let three_two: BTreeSet<String> = ds
        .projects
        .iter()
        .filter(|p| p.mode == ProgramMode::ThreePlusTwo)
        .map(|p| p.id.clone())
        .collect();
    if let Some(i) = target(rng, &ds.status_reports, &mut used_r, |r| {
        three_two.contains(&r.project)
    }) {
        let id = ds.status_reports[i].project.clone();
        if let Some(p) = ds.projects.iter_mut().find(|p| p.id == id) {
            p.standing = Standing::Discontinued;
        }
    }
    // Each applying secondary school's sealed 汇总表 (一(三)), the day before the deadline; the
    // first school's is missing. No random draw.
    let mut owed: Vec<(String, i32)> = Vec::new();
    for a in &ds.applications {
        let k = (a.secondary_school.clone(), a.year);
        if !owed.contains(&k) {
            owed.push(k);
        }
    }
    for (school, year) in owed.into_iter().skip(1) {
        ds.submissions.push(Submission {
            kind: SubmissionKind::ApplicationSummary,
            file: Some(format!("{school}-{year}-huizongbiao.pdf")),
            school: Some(school),
            district: None,
            year,
            submitted_at: Some(bj(2024, 2, 26, 16, 30, 0)),
        });
    }
}

fn inject_applications(g: &mut Gen, ds: &mut Dataset) {
    let mut used = BTreeSet::new();
    // Missing and non-PDF sealed forms (一(三)).
    if let Some(i) = target(&mut g.rng, &ds.applications, &mut used, |_| true) {
        ds.applications[i].attachments.sealed_form_pdf = None;
    }
    if let Some(i) = target(&mut g.rng, &ds.applications, &mut used, |_| true) {
        let a = &mut ds.applications[i].attachments;
        a.sealed_form_pdf = Some("申报书盖章页扫描件.jpg".into());
    }
    // Uploaded one second late, and one exactly on time (17:00:00 is on time).
    if let Some(i) = target(&mut g.rng, &ds.applications, &mut used, |_| true) {
        ds.applications[i].submitted_at = Some(bj(2024, 2, 27, 17, 0, 1));
    }
    if let Some(i) = target(&mut g.rng, &ds.applications, &mut used, |_| true) {
        ds.applications[i].submitted_at = Some(bj(2024, 2, 27, 17, 0, 0));
    }
    // Duplicate ranks in a school with 2 or 3 applications: its last rank becomes 1 (1, 1 or 1, 2, 1).
    let count = |ds: &Dataset, s: &str| {
        ds.applications
            .iter()
            .filter(|a| a.secondary_school == s)
            .count()
    };
    let mut several: Vec<String> = ds
        .applications
        .iter()
        .map(|a| a.secondary_school.clone())
        .filter(|s| (2..=3).contains(&count(ds, s)))
        .collect();
    several.dedup();
    if let Some(s) = g.rng.pick(&several).cloned() {
        let n = count(ds, &s) as u32;
        for a in ds
            .applications
            .iter_mut()
            .filter(|a| a.secondary_school == s)
        {
            if a.rank == Some(n) {
                a.rank = Some(1);
            }
        }
    }
    // A higher college named as the secondary side, and a non-independent higher college (一(三)).
    let independent: Vec<String> = g
        .higher
        .iter()
        .filter(|h| h.independent)
        .map(|h| h.id.clone())
        .collect();
    let dependent = g
        .higher
        .iter()
        .find(|h| !h.independent)
        .map(|h| h.id.clone());
    let applicant = g
        .secondary
        .iter()
        .find(|s| !ds.applications.iter().any(|a| a.secondary_school == s.id));
    if let (Some(s), Some(h)) = (applicant.map(|s| s.id.clone()), dependent) {
        let a = g.application(s, h, "71", 1);
        ds.applications.push(a);
    }
    // The higher side of the swapped application keeps its count: it takes over an existing slot.
    if let Some(i) = target(&mut g.rng, &ds.applications, &mut used, |a| {
        count(ds, &a.secondary_school) == 1
    }) {
        let own = ds.applications[i].higher_school.clone();
        if let Some(other) = independent.iter().find(|h| **h != own) {
            ds.applications[i].secondary_school = other.clone();
        }
    }
    ds.applications
        .sort_by(|a, b| (&a.secondary_school, a.rank).cmp(&(&b.secondary_school, b.rank)));
}
