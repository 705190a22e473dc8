def self_check(out, truths):
    return 0
