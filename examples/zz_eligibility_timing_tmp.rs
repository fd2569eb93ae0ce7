fn main() {
    let url = std::env::args().nth(1).unwrap();
    let pool = wise_monitor::db::open_pool(&url, 1, 5000).unwrap();
    let mut conn = pool.get().unwrap();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let all = wise_monitor::figures::eligibility::for_approved(&mut conn).unwrap();
        let n = all.values().filter(|v| v.eligible).count();
        println!("{} verdicts, {} eligible, {:?}", all.len(), n, t.elapsed());
    }
    let t = std::time::Instant::now();
    let one = wise_monitor::figures::eligibility::for_organisation(&mut conn, 77).unwrap();
    println!("{one:?} {:?}", t.elapsed());
}
