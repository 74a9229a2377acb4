module github.com/wetee-dao/libwetee/tests/go

go 1.24

require github.com/wetee-dao/libwetee/bindings/go v0.0.0

replace github.com/wetee-dao/libwetee/bindings/go => ../../bindings/go
