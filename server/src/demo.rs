//! The demo district (`DEMO=1`): Bao'an's ten streets, 65 communities with their real names,
//! fictional law firms and lawyers with A/B/coordinator assignments, an assistant, district staff,
//! a street's staff and an admin. Deterministic: the same rows every time. Loaded only into an
//! empty database.

mod agencies;
mod documents;

use crate::admin;
use crate::auth::passwords;
use crate::files::blobs::Blobs;
use crate::store::{now_ms, Store};
use app::domain::DayKind;
use app::i18n::Lang;
use app::time::LocalDate;
use sqlx::{Any, Transaction};

/// The password of every demo account that has one.
pub const DEMO_PASSWORD: &str = "fai-demo-2026";
/// The demo resident's number (signs in with a code like anyone else).
pub const DEMO_RESIDENT_PHONE: &str = "13800138000";

const STREETS: &[(&str, &[&str])] = &[
    ("新安街道", &["海旺社区", "兴东社区", "上川社区", "灵芝园社区", "安乐社区", "大浪社区", "翻身社区", "布心社区"]),
    ("西乡街道", &["西乡社区", "固戍社区", "臣田社区", "河东社区", "河西社区", "盐田社区", "流塘社区", "凤凰岗社区"]),
    ("航城街道", &["黄田社区", "钟屋社区", "鹤洲社区", "三围社区", "九围社区", "黄麻布社区"]),
    ("福永街道", &["福永社区", "怀德社区", "凤凰社区", "白石厦社区", "兴围社区", "福围社区"]),
    ("福海街道", &["桥头社区", "塘尾社区", "和平社区", "新和社区", "新田社区", "稔田社区"]),
    ("沙井街道", &["沙井社区", "后亭社区", "沙头社区", "衙边社区", "壆岗社区", "蚝一社区", "东塘社区"]),
    ("新桥街道", &["新桥社区", "上星社区", "上寮社区", "黄埔社区", "万丰社区", "沙企社区"]),
    ("松岗街道", &["松岗社区", "东方社区", "红星社区", "潭头社区", "沙浦社区", "碧头社区"]),
    ("燕罗街道", &["燕川社区", "罗田社区", "塘下涌社区", "山门社区", "洪桥头社区"]),
    ("石岩街道", &["浪心社区", "官田社区", "应人石社区", "水田社区", "上屋社区", "塘头社区", "石龙社区"]),
];

/// Roughly where each street of `STREETS` lies (degrees north, east).
const STREET_CENTRES: &[(f64, f64)] = &[
    (22.565, 113.890),
    (22.580, 113.860),
    (22.620, 113.840),
    (22.670, 113.820),
    (22.700, 113.810),
    (22.730, 113.820),
    (22.730, 113.850),
    (22.770, 113.840),
    (22.790, 113.870),
    (22.680, 113.930),
];

const FIRMS: &[&str] = &[
    "广东新安湖律师事务所",
    "广东西乡河律师事务所",
    "广东凤凰山律师事务所",
    "广东铁仔山律师事务所",
    "广东茅洲河律师事务所",
    "广东羊台山律师事务所",
];

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂英", "文", "华", "建华", "晓燕", "志强", "海燕", "丹", "颖", "嘉欣",
];
const AREAS: &[&str] =
    &["劳动争议", "婚姻家庭", "借贷纠纷", "房屋租赁", "交通事故", "消费维权", "邻里纠纷", "公司合规"];
const EXTRA_LANGUAGES: &[&str] = &["粤语", "客家话", "English", "潮汕话"];

/// Loads the demo district unless the database already has streets.
pub async fn load_if_empty(store: &Store, blobs: &Blobs) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let streets: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM streets").fetch_one(&store.pool).await?;
    if streets > 0 {
        return Ok(false);
    }
    let password_hash =
        tokio::task::spawn_blocking(|| passwords::hash(DEMO_PASSWORD)).await?.map_err(|e| e.to_string())?;
    let mut tx = store.writer().begin().await?;
    let staff_id = load(&mut tx, &password_hash).await?;
    documents::load(&mut tx, blobs, staff_id).await?;
    tx.commit().await?;
    tracing::info!("demo district loaded");
    Ok(true)
}

async fn insert(tx: &mut Transaction<'_, Any>, sql: &str, text: &[&str], numbers: &[i64]) -> Result<i64, sqlx::Error> {
    let mut query = sqlx::query_scalar::<_, i64>(sql);
    for value in text {
        query = query.bind(*value);
    }
    for value in numbers {
        query = query.bind(*value);
    }
    query.fetch_one(&mut **tx).await
}

async fn user(
    tx: &mut Transaction<'_, Any>,
    role: &str,
    login: &str,
    phone: &str,
    name: &str,
    hash: &str,
    second_factor: bool,
) -> Result<i64, sqlx::Error> {
    insert(
        tx,
        "INSERT INTO users (role, login, phone, display_name, password_hash, second_factor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        &[role, login, phone, name, hash],
        &[i64::from(second_factor), now_ms()],
    )
    .await
}

/// A community's recurring duty: 后亭社区 every weekday morning, confirmed by the lawyer; the
/// others two afternoons a week, confirmed at once.
async fn duty(
    tx: &mut Transaction<'_, Any>,
    community_id: i64,
    lawyer_id: i64,
    houting: bool,
    k: usize,
) -> Result<(), sqlx::Error> {
    let periods: Vec<(i64, i64, i64, &str, i64)> = if houting {
        (1..=5).map(|weekday| (weekday, 9 * 60, 12 * 60, "in_person,phone,video", 0)).collect()
    } else {
        let first = 1 + (k % 5) as i64;
        let second = 1 + ((k + 2) % 5) as i64;
        vec![
            (first, 14 * 60 + 30, 17 * 60 + 30, "in_person,phone", 1),
            (second, 14 * 60 + 30, 17 * 60 + 30, "in_person,phone", 1),
        ]
    };
    for (weekday, start, end, channels, instant) in periods {
        sqlx::query(
            "INSERT INTO duty_schedules (community_id, lawyer_id, weekday, start_minute, end_minute, slot_minutes, seats, channels, instant, valid_from, created_at) \
             VALUES ($1, $2, $3, $4, $5, 30, 2, $6, $7, '2026-01-01', $8)",
        )
        .bind(community_id)
        .bind(lawyer_id)
        .bind(weekday)
        .bind(start)
        .bind(end)
        .bind(channels)
        .bind(instant)
        .bind(now_ms())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The year's official holidays and make-up days, from the example file staff can import, and
/// New Year's Day of the next, through the functions the calendar screen uses.
async fn calendar(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    let file = include_str!("../../docs/calendar/2026.csv");
    let table = admin::table::Table::of_csv(file).expect("the example calendar is a table");
    let days = admin::calendar::days_of(&table, 2026, Lang::Zh.messages()).expect("its columns");
    assert!(days.iter().all(|(row, _)| row.error.is_none()), "the example calendar is right: {days:?}");
    admin::calendar::replace_year(tx, 2026, days.iter().filter_map(|(_, day)| day.as_ref())).await?;
    let new_year = app::model::CalendarDay {
        date: "2027-01-01".into(),
        kind: DayKind::Holiday,
        name: "元旦".into(),
        works_as: None,
    };
    let date = LocalDate::parse(&new_year.date).expect("a date");
    admin::calendar::write_day(tx, date, &new_year).await
}

/// Loads the district; returns the staff account's id.
async fn load(tx: &mut Transaction<'_, Any>, hash: &str) -> Result<i64, sqlx::Error> {
    calendar(tx).await?;
    user(tx, "admin", "admin", "13900000001", "系统管理员", hash, true).await?;
    let staff_id = user(tx, "staff", "staff", "13900000002", "区司法局 公共法律服务科", hash, false).await?;
    let mut firms = Vec::new();
    for (i, firm) in FIRMS.iter().enumerate() {
        let address = format!("深圳市宝安区{}", ["新安", "西乡", "福永", "沙井", "松岗", "石岩"][i]);
        firms.push(
            insert(tx, "INSERT INTO law_firms (name, address) VALUES ($1, $2) RETURNING id", &[firm, &address], &[])
                .await?,
        );
    }
    let mut lawyers = Lawyers { serial: 0, firms, hash };
    for (order, (street, communities)) in STREETS.iter().enumerate() {
        load_street(tx, &mut lawyers, order, street, communities).await?;
    }
    // The demo's licences count as checked against the bar's register.
    sqlx::query("UPDATE lawyers SET verified_at = $1, verified_by = $2")
        .bind(now_ms())
        .bind(staff_id)
        .execute(&mut **tx)
        .await?;
    Ok(staff_id)
}

/// The demo's lawyers, made one after the other with names, areas and licences of their own.
struct Lawyers<'a> {
    serial: usize,
    firms: Vec<i64>,
    hash: &'a str,
}

impl Lawyers<'_> {
    /// The next lawyer and their account (`login`, or `lawyerNN`).
    async fn next(&mut self, tx: &mut Transaction<'_, Any>, login: Option<&str>) -> Result<i64, sqlx::Error> {
        self.serial += 1;
        let i = self.serial;
        let name = format!("{}{}", SURNAMES[i % SURNAMES.len()], GIVEN[(i * 7) % GIVEN.len()]);
        let login = login.map_or_else(|| format!("lawyer{i:02}"), str::to_owned);
        let phone = format!("137{:08}", i);
        let user_id = user(tx, "lawyer", &login, &phone, &name, self.hash, false).await?;
        let areas = format!("{},{}", AREAS[i % AREAS.len()], AREAS[(i + 3) % AREAS.len()]);
        let languages = format!("普通话,{}", EXTRA_LANGUAGES[i % EXTRA_LANGUAGES.len()]);
        let licence = format!("14403{:04}1{:07}", 2010 + i % 12, i);
        insert(
            tx,
            "INSERT INTO lawyers (name, licence_no, practice_areas, languages, user_id, firm_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[&name, &licence, &areas, &languages],
            &[user_id, self.firms[i % self.firms.len()]],
        )
        .await
    }
}

/// A street, its communities (each with an A lawyer, the next community's as B, the street's
/// coordinator, and a duty schedule), and for 沙井街道 its staff and 后亭社区's team.
async fn load_street(
    tx: &mut Transaction<'_, Any>,
    lawyers: &mut Lawyers<'_>,
    order: usize,
    street: &str,
    communities: &[&str],
) -> Result<(), sqlx::Error> {
    let street_id =
        insert(tx, "INSERT INTO streets (name, sort_order) VALUES ($1, $2) RETURNING id", &[street], &[order as i64])
            .await?;
    let coordinator = lawyers.next(tx, None).await?;
    let (mut community_ids, mut a_lawyers) = (Vec::new(), Vec::new());
    for (k, community) in communities.iter().enumerate() {
        let address = format!("深圳市宝安区{street}{community}党群服务中心 法律服务室");
        let id = insert(
            tx,
            "INSERT INTO communities (name, office_address, street_id) VALUES ($1, $2, $3) RETURNING id",
            &[community, &address],
            &[street_id],
        )
        .await?;
        // Approximate office positions: the street's centre, communities a few hundred metres apart.
        let (lat, lon) = STREET_CENTRES[order];
        sqlx::query("UPDATE communities SET latitude = $1, longitude = $2 WHERE id = $3")
            .bind(lat + 0.004 * (k as f64 % 3.0))
            .bind(lon + 0.004 * (k as f64 / 3.0).floor())
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let a = lawyers.next(tx, (*community == "后亭社区").then_some("lawyer")).await?;
        community_ids.push(id);
        a_lawyers.push(a);
    }
    for (k, community_id) in community_ids.iter().enumerate() {
        duty(tx, *community_id, a_lawyers[k], street == "沙井街道" && k == 1, k).await?;
        // Each community's B lawyer is the A lawyer of the next community on the street.
        let b = a_lawyers[(k + 1) % a_lawyers.len()];
        for (lawyer, role) in [(a_lawyers[k], "a"), (b, "b"), (coordinator, "coordinator")] {
            insert(
                tx,
                "INSERT INTO assignments (role, starts_on, lawyer_id, community_id) VALUES ($1, '2026-01-01', $2, $3) RETURNING id",
                &[role],
                &[lawyer, *community_id],
            )
            .await?;
        }
    }
    if street == "沙井街道" {
        shajing(tx, lawyers.hash, street_id, &community_ids, &a_lawyers).await?;
    }
    Ok(())
}

/// 沙井街道司法所's staff, who see and manage this street only; the bodies that receive referrals
/// (one of them 沙井街道's); 后亭社区's assistant, a
/// volunteer, last year's A lawyer kept in the history, and the demo resident.
async fn shajing(
    tx: &mut Transaction<'_, Any>,
    hash: &str,
    street_id: i64,
    community_ids: &[i64],
    a_lawyers: &[i64],
) -> Result<(), sqlx::Error> {
    let houting = a_lawyers[1];
    let street_staff = user(tx, "staff", "shajing", "13900000004", "沙井街道司法所", hash, false).await?;
    agencies::load(tx, hash, street_id).await?;
    sqlx::query("UPDATE users SET street_id = $1 WHERE id = $2")
        .bind(street_id)
        .bind(street_staff)
        .execute(&mut **tx)
        .await?;
    let assistant = user(tx, "assistant", "assistant", "13900000003", "律师助理 小林", hash, false).await?;
    insert(
        tx,
        "INSERT INTO team_members (name, kind, lawyer_id, user_id) VALUES ($1, 'assistant', $2, $3) RETURNING id",
        &["林晓"],
        &[houting, assistant],
    )
    .await?;
    insert(
        tx,
        "INSERT INTO team_members (name, kind, lawyer_id) VALUES ($1, 'volunteer', $2) RETURNING id",
        &["何志愿"],
        &[houting],
    )
    .await?;
    insert(
        tx,
        "INSERT INTO assignments (role, starts_on, ends_on, lawyer_id, community_id) VALUES ('a', '2025-01-01', '2025-12-31', $1, $2) RETURNING id",
        &[],
        &[a_lawyers[2], community_ids[1]],
    )
    .await?;
    insert(
        tx,
        "INSERT INTO users (role, phone, display_name, community_id, created_at) VALUES ('resident', $1, '138****8000', $2, $3) RETURNING id",
        &[DEMO_RESIDENT_PHONE],
        &[community_ids[1], now_ms()],
    )
    .await?;
    Ok(())
}
