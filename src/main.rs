fn main() {
    eprintln!("newsetl: CLI not wired yet");
    std::process::exit(2);
}
