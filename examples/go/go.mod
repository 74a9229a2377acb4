module github.com/wetee-dao/libwetee/examples/go

go 1.22

require github.com/wetee-dao/libwetee/bindings/go v0.0.0

replace github.com/wetee-dao/libwetee/bindings/go => ../../bindings/go
